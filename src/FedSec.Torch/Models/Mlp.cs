using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>A perceptron with one hidden layer of <see cref="HiddenUnits"/> ReLU units (the width of McMahan et al.'s 2NN).</summary>
internal sealed class Mlp : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    public const int HiddenUnits = 200;

    private readonly Linear fc1;
    private readonly Linear fc2;

    public Mlp(ImageShape input, int classCount)
        : base("mlp")
    {
        fc1 = nn.Linear(input.Size, HiddenUnits);
        fc2 = nn.Linear(HiddenUnits, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var hidden = nn.functional.relu(fc1.forward(input.flatten(1)));
        return fc2.forward(hidden).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(fc1.forward(input.flatten(1))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => fc2.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => fc2.parameters();
}
