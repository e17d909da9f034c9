using FedSec.Parameters;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Parameters;

public class ModuleVectorsTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();

    public static TheoryData<string> ModelNames() => new(ModelCatalog.CreateBuiltIn().Names);

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void LoadVector_ThenToVector_GivesBackTheSameVectorBitForBit(string name)
    {
        using var model = Create(name, seed: 1);
        var layout = ModuleVectors.LayoutOf(model);
        var rng = new Random(7);
        var vector = new float[layout.Length];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(rng.NextDouble() - 0.5);
        }

        ModuleVectors.LoadVector(model, layout, vector);
        var back = ModuleVectors.ToVector(model, layout);

        Assert.Equal(vector, back);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void LoadVector_OtherModelsVector_ReproducesItsOutputsExactly(string name)
    {
        using var scope = NewDisposeScope();
        using var source = Create(name, seed: 1);
        using var target = Create(name, seed: 2);
        var layout = ModuleVectors.LayoutOf(source);
        // Make BatchNorm's running statistics differ from their initial values, so buffers matter in eval mode.
        source.train();
        using (no_grad())
        {
            source.forward(Input(name));
        }

        source.eval();
        target.eval();
        var input = Input(name);
        var expected = source.forward(input).data<float>().ToArray();

        ModuleVectors.LoadVector(target, layout, ModuleVectors.ToVector(source, layout));

        Assert.Equal(expected, target.forward(input).data<float>().ToArray());
    }

    [Fact]
    public void LayoutOf_ResNet20_SplitsTrainableParametersAndFloatBuffers()
    {
        using var model = Create("resnet20", seed: 1);

        var layout = ModuleVectors.LayoutOf(model);

        // 21 convolutions (1 stem + 18 in blocks + 2 projection shortcuts), 21 BatchNorms, 1 linear layer.
        Assert.Equal(21 + (21 * 2) + 2, layout.Entries.Count(e => e.Kind == ParameterKind.Trainable));
        Assert.Equal(21 * 2, layout.Entries.Count(e => e.Kind == ParameterKind.Buffer));
        Assert.Equal(272_474, layout.TrainableLength);
        // BatchNorm channels: 16 + 6·16 + (6·32 + 32) + (6·64 + 64) = 784, each with a running mean and variance.
        Assert.Equal(2 * 784, layout.Length - layout.TrainableLength);
        Assert.DoesNotContain(layout.Entries, e => e.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal));
    }

    [Fact]
    public void LayoutOf_BatchNorm_ParametersFirstThenFloatBuffersOnly()
    {
        using var bn = nn.BatchNorm2d(4);

        var layout = ModuleVectors.LayoutOf(bn);

        Assert.Equal(
            new[] { ("weight", 0, ParameterKind.Trainable), ("bias", 4, ParameterKind.Trainable), ("running_mean", 8, ParameterKind.Buffer), ("running_var", 12, ParameterKind.Buffer) },
            layout.Entries.Select(e => (e.Name, e.Offset, e.Kind)));
        Assert.Equal(16, layout.Length);
    }

    [Fact]
    public void ToVector_Linear_PutsWeightRowMajorThenBias()
    {
        using var linear = nn.Linear(2, 2);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(new float[] { 1, 2, 3, 4 }, [2, 2]));
            linear.bias!.copy_(tensor(new float[] { 5, 6 }));
        }

        var vector = ModuleVectors.ToVector(linear, ModuleVectors.LayoutOf(linear));

        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, vector);
    }

    [Fact]
    public void LoadVector_LayoutOfAnotherModel_ThrowsNamingTheMismatch()
    {
        using var lr = Create("lr", seed: 1);
        using var mlp = Create("mlp", seed: 1);
        var mlpLayout = ModuleVectors.LayoutOf(mlp);

        var e = Assert.Throws<ArgumentException>(() => ModuleVectors.LoadVector(lr, mlpLayout, new float[mlpLayout.Length]));

        Assert.Contains("'linear.weight'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'fc1.weight'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadVector_WrongLength_Throws()
    {
        using var lr = Create("lr", seed: 1);
        var layout = ModuleVectors.LayoutOf(lr);

        var e = Assert.Throws<ArgumentException>(() => ModuleVectors.LoadVector(lr, layout, new float[layout.Length - 1]));

        Assert.Contains($"{layout.Length - 1}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadVector_ParametersStayLeavesThatRequireGradients()
    {
        using var model = Create("mlp", seed: 1);
        var layout = ModuleVectors.LayoutOf(model);

        ModuleVectors.LoadVector(model, layout, new float[layout.Length]);

        Assert.All(model.parameters(), p =>
        {
            Assert.True(p.requires_grad);
            Assert.True(p.is_leaf);
        });
    }

    private static nn.Module<Tensor, Tensor> Create(string name, int seed)
    {
        random.manual_seed(seed);
        return Catalog.Create(name, Shape(name), 10);
    }

    // Every model takes 3×32×32 images but the rnn, which takes Shakespeare's 1×1×80 character indices (here 0..9).
    private static ImageShape Shape(string name) => name == "rnn" ? new ImageShape(1, 1, 80) : new ImageShape(3, 32, 32);

    private static Tensor Input(string name) => name == "rnn" ? randint(0, 10, [4, 1, 1, 80]).to_type(ScalarType.Float32) : rand(4, 3, 32, 32);
}
