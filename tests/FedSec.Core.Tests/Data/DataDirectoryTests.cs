using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class DataDirectoryTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.Where(v => v.Key == key).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Resolve_ExplicitDirectory_WinsOverEnvironment()
    {
        string result = DataDirectory.Resolve("/data/explicit", Env(("FEDSEC_DATA", "/data/env"), ("HOME", "/home/u")), windows: false);

        Assert.Equal(Path.GetFullPath("/data/explicit"), result);
    }

    [Fact]
    public void Resolve_NoExplicit_UsesFedsecData()
    {
        string result = DataDirectory.Resolve(null, Env(("FEDSEC_DATA", "/data/env"), ("XDG_CACHE_HOME", "/xdg")), windows: false);

        Assert.Equal(Path.GetFullPath("/data/env"), result);
    }

    [Fact]
    public void Resolve_NoExplicitNoEnv_UsesXdgCacheHome()
    {
        string result = DataDirectory.Resolve("  ", Env(("XDG_CACHE_HOME", "/xdg"), ("HOME", "/home/u")), windows: false);

        Assert.Equal(Path.GetFullPath("/xdg/fedsec"), result);
    }

    [Fact]
    public void Resolve_RelativeXdgCacheHome_IgnoredForHomeCache()
    {
        string result = DataDirectory.Resolve(null, Env(("XDG_CACHE_HOME", "relative"), ("HOME", "/home/u")), windows: false);

        Assert.Equal(Path.GetFullPath("/home/u/.cache/fedsec"), result);
    }

    [Fact]
    public void Resolve_TildeInExplicit_ExpandsToHome()
    {
        string result = DataDirectory.Resolve("~/datasets", Env(("HOME", "/home/u")), windows: false);

        Assert.Equal(Path.GetFullPath("/home/u/datasets"), result);
    }

    [Fact]
    public void Resolve_RelativeExplicit_MadeAbsolute()
    {
        string result = DataDirectory.Resolve("data", Env(), windows: false);

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data"), result);
    }
}
