using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Models;

public class ModelCatalogTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();

    public static TheoryData<string, int, int> ModelsAndShapes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var model in ModelCatalog.CreateBuiltIn().Models)
        {
            foreach (var (channels, side) in new[] { (1, 28), (3, 32) })
            {
                if (model.Misfit(new ImageShape(channels, side, side)) is null)
                {
                    data.Add(model.Name, channels, side);
                }
            }
        }

        return data;
    }

    public static TheoryData<string> ModelNames() => new(ModelCatalog.CreateBuiltIn().Names);

    [Fact]
    public void Names_BuiltIn_AreTheDocumentedModels()
    {
        Assert.Equal(new[] { "lr", "mlp", "cnn", "cnn_fedavg", "lenet5", "byzfl_cnn_mnist", "resnet20", "resnet56", "rnn", "lenet_dlg" }, Catalog.Names);
        Assert.All(Catalog.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Summary)));
    }

    [Theory]
    [MemberData(nameof(ModelsAndShapes))]
    public void Forward_EveryModelOnItsInputShape_GivesBatchByClasses(string name, int channels, int side)
    {
        using var scope = NewDisposeScope();
        using var model = Catalog.Create(name, new ImageShape(channels, side, side), 7);
        model.eval();

        var output = model.forward(rand(3, channels, side, side));

        Assert.Equal(new long[] { 3, 7 }, output.shape);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Create_SameTorchSeed_SameInitialWeights(string name)
    {
        var grey = new ImageShape(1, 28, 28);
        var shape = Catalog.Get(name).Misfit(grey) is null ? grey : Catalog.Get(name).Misfit(new ImageShape(3, 32, 32)) is null ? new ImageShape(3, 32, 32) : new ImageShape(1, 1, 80);
        random.manual_seed(42);
        using var a = Catalog.Create(name, shape, 10);
        random.manual_seed(42);
        using var b = Catalog.Create(name, shape, 10);
        random.manual_seed(43);
        using var c = Catalog.Create(name, shape, 10);
        var layout = ModuleVectors.LayoutOf(a);

        Assert.Equal(ModuleVectors.ToVector(a, layout), ModuleVectors.ToVector(b, layout));
        Assert.NotEqual(ModuleVectors.ToVector(a, layout), ModuleVectors.ToVector(c, layout));
    }

    [Theory]
    [InlineData("cnn", 1, 28, 1_199_882)] // FedML's CNN_DropOut docstring, 10 classes.
    [InlineData("cnn_fedavg", 1, 28, 1_663_370)] // McMahan et al. 2017 / FedML's CNN_OriginalFedAvg docstring.
    [InlineData("resnet20", 3, 32, 272_474)] // ResNet-20 with projection shortcuts.
    [InlineData("resnet56", 3, 32, 591_322)] // FedML's ResNet(Bottleneck, [6, 6, 6]), counted by hand layer by layer.
    [InlineData("resnet56", 3, 32, 591_322 - 2_570 + 25_700, 100)] // The same with CIFAR-100's 100 classes: fc 256×100 + 100.
    [InlineData("lr", 1, 28, (784 * 10) + 10)]
    [InlineData("mlp", 1, 28, (784 * 200) + 200 + (200 * 10) + 10)]
    [InlineData("lenet5", 1, 28, (6 * 25) + 6 + (16 * 6 * 25) + 16 + (400 * 120) + 120 + (120 * 84) + 84 + (84 * 10) + 10)]
    [InlineData("byzfl_cnn_mnist", 1, 28, (20 * 25) + 20 + (50 * 20 * 25) + 50 + (800 * 500) + 500 + (500 * 10) + 10)] // 431 080, ByzFL's cnn_mnist.
    [InlineData("lenet_dlg", 3, 32, (12 * 3 * 25) + 12 + (2 * ((12 * 12 * 25) + 12)) + (768 * 10) + 10)]
    public void Create_KnownModel_HasThePublishedParameterCount(string name, int channels, int side, int expected, int classes = 10)
    {
        using var model = Catalog.Create(name, new ImageShape(channels, side, side), classes);

        Assert.Equal(expected, ModuleVectors.LayoutOf(model).TrainableLength);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => Catalog.Create("vgg", new ImageShape(1, 28, 28), 10));

        Assert.Contains("'vgg'", e.Message, StringComparison.Ordinal);
        Assert.Contains("lr, mlp, cnn, cnn_fedavg, lenet5, byzfl_cnn_mnist, resnet20, resnet56, rnn, lenet_dlg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_NameWithOtherCaseAndDash_FindsTheModel()
    {
        Assert.Equal("lenet_dlg", Catalog.Get("LeNet-DLG").Name);
    }

    [Fact]
    public void Create_ImageTooSmallForTheConvolutions_ThrowsNamingModelAndShape()
    {
        var e = Assert.Throws<ArgumentException>(() => Catalog.Create("cnn", new ImageShape(1, 4, 4), 10));

        Assert.Contains("'cnn'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1×4×4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ResNet56OnGreyImages_ThrowsNamingModelShapeAndWhatItTakes()
    {
        var e = Assert.Throws<ArgumentException>(() => Catalog.Create("resnet56", new ImageShape(1, 28, 28), 62));

        Assert.Contains("'resnet56'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1×28×28", e.Message, StringComparison.Ordinal);
        Assert.Contains("3-channel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misfit_ResNet56_ColourImagesOfAnySideFitGreyDoNot()
    {
        var resnet56 = Catalog.Get("resnet56");

        Assert.Null(resnet56.Misfit(new ImageShape(3, 32, 32)));
        Assert.Null(resnet56.Misfit(new ImageShape(3, 28, 28)));
        Assert.NotNull(resnet56.Misfit(new ImageShape(1, 28, 28)));
        Assert.Null(Catalog.Get("cnn").Misfit(new ImageShape(1, 28, 28)));
    }

    [Fact]
    public void Create_OneClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => Catalog.Create("lr", new ImageShape(1, 28, 28), 1));
    }

    [Fact]
    public void Register_NameTakenAlready_Throws()
    {
        var catalog = ModelCatalog.CreateBuiltIn();

        Assert.Throws<InvalidOperationException>(() => catalog.Register(new ModelDescriptor("CNN", "again", (_, _) => throw new InvalidOperationException("never built"))));
    }
}
