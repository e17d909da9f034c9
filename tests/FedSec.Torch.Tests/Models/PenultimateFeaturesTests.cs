using FedSec.Torch.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Models;

public class PenultimateFeaturesTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();

    [Theory]
    [InlineData("mlp", 1, 28)]
    [InlineData("cnn", 1, 28)]
    [InlineData("cnn_fedavg", 1, 28)]
    [InlineData("lenet5", 1, 28)]
    [InlineData("byzfl_cnn_mnist", 1, 28)]
    [InlineData("resnet20", 3, 32)]
    [InlineData("resnet56", 3, 32)]
    [InlineData("lenet_dlg", 3, 32)]
    public void Features_ThenHead_EqualsForwardInEvaluationMode(string name, int channels, int size)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var module = Catalog.Get(name).Create(new ImageShape(channels, size, size), 10);
        module.eval();
        using var noGrad = no_grad();
        var x = rand(4, channels, size, size);
        var features = ((IPenultimateModel)module).Features(x);
        var logits = ((IPenultimateModel)module).Head(features);
        var forward = module.forward(x);

        Assert.Equal(2, features.dim());
        Assert.Equal(4, features.shape[0]);

        // The features are the input of the last linear layer: as wide as its in_features.
        var last = module.modules().OfType<Linear>().Last();
        Assert.Equal(last.in_features, features.shape[1]);
        Assert.True(logits.eq(forward).all().item<bool>(), $"{name}: head(features(x)) differs from forward(x)");
    }

    [Fact]
    public void HasFeatures_SetExactlyForTheModelsThatExposeThem()
    {
        foreach (var d in Catalog.Models)
        {
            var shape = d.Name switch
            {
                "rnn" => new ImageShape(1, 1, 80),
                "resnet56" or "resnet20" or "lenet_dlg" => new ImageShape(3, 32, 32),
                _ => new ImageShape(1, 28, 28),
            };
            using var module = d.Create(shape, d.Name == "rnn" ? 90 : 10);
            Assert.True(d.HasFeatures == module is IPenultimateModel, $"{d.Name}: HasFeatures {d.HasFeatures}");
        }

        Assert.False(Catalog.Get("lr").HasFeatures);
        Assert.False(Catalog.Get("rnn").HasFeatures);
    }
}
