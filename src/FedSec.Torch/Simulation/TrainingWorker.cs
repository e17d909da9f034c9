using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Simulation;

/// <summary>One model instance of <see cref="TorchModelBackend"/>'s pool with the trainer that trains on it.</summary>
/// <param name="Module">The model instance.</param>
/// <param name="Trainer">The trainer reusing it.</param>
internal sealed record TrainingWorker(nn.Module<Tensor, Tensor> Module, LocalTrainer Trainer);
