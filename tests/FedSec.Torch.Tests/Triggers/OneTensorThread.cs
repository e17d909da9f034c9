using TorchSharp;

namespace FedSec.Torch.Tests.Triggers;

/// <summary>
/// One libtorch intra-op thread while a test runs, as <c>fedsec run</c> trains (ExperimentFactory.TensorThreads), and the
/// previous count restored afterwards: the trigger searches run thousands of tiny operations, which on a loaded
/// machine spend most of their time waiting for a second thread.
/// </summary>
internal sealed class OneTensorThread : IDisposable
{
    private readonly int _before = torch.get_num_threads();

    public OneTensorThread() => torch.set_num_threads(1);

    public void Dispose() => torch.set_num_threads(_before);
}
