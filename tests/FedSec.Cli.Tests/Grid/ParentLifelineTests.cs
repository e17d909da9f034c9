using System.IO.Pipes;
using FedSec.Results.Grid;

namespace FedSec.Cli.Tests.Grid;

public sealed class ParentLifelineTests
{
    [Fact]
    public void Watch_WriteEndClosed_CallsParentGone()
    {
        using var parent = new AnonymousPipeServerStream(PipeDirection.Out);
        using var child = new AnonymousPipeClientStream(PipeDirection.In, parent.ClientSafePipeHandle);
        using var gone = new ManualResetEventSlim();
        ParentLifeline.Watch(child, gone.Set);
        parent.WriteByte(1);
        Assert.False(gone.IsSet);

        parent.Dispose();

        Assert.True(gone.Wait(TimeSpan.FromMinutes(1)), "The lifeline did not notice that its write end closed.");
    }
}
