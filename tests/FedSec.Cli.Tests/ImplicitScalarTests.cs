using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace FedSec.Cli.Tests;

/// <summary>
/// TorchSharp 0.107 turns a number passed where it takes a <c>Scalar</c> (<c>tensor * 0.5</c>, <c>clamp(0, 1)</c>,
/// <c>full(shape, 3)</c>) into a Scalar that nothing holds during the native call, so a garbage collection may free it
/// while libtorch reads it (a crash seen in the grids). FedSec uses <c>KeptAliveScalars</c> instead. This reads the IL
/// of every FedSec assembly and lists each method that still calls <c>Scalar.op_Implicit</c>, or a TorchSharp addition
/// that makes such a Scalar for its alpha inside TorchSharp.
/// </summary>
public sealed class ImplicitScalarTests
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    [Fact]
    public void FedSecAssemblies_NoImplicitScalarConversion()
    {
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "FedSec.*.dll")
            .Where(f => !Path.GetFileName(f).Contains(".Tests", StringComparison.Ordinal) && Path.GetFileName(f) != "FedSec.Testing.dll")
            .ToArray();
        Assert.Contains(assemblies, f => Path.GetFileName(f) == "FedSec.Torch.dll");
        Assert.Contains(assemblies, f => Path.GetFileName(f) == "FedSec.Language.dll");

        var offenders = assemblies.SelectMany(ImplicitScalarCallers).ToArray();

        Assert.True(offenders.Length == 0, "Implicit TorchSharp Scalar conversions (use KeptAliveScalars): " + string.Join("; ", offenders));
    }

    [Fact]
    public void ImplicitScalarCallers_ThisAssemblysOwnImplicitConversion_IsFound()
    {
        // The scanner finds what it looks for: this test assembly converts a number implicitly below.
        var found = ImplicitScalarCallers(typeof(ImplicitScalarTests).Assembly.Location);

        Assert.Contains(found, m => m.EndsWith($"{nameof(ImplicitScalarTests)}.{nameof(ImplicitConversion)}", StringComparison.Ordinal));
    }

    private static TorchSharp.Scalar ImplicitConversion() => 0.5;

    [Fact]
    public void ImplicitScalarCallers_TensorPlusTensor_IsFound()
    {
        var found = ImplicitScalarCallers(typeof(ImplicitScalarTests).Assembly.Location);
        Assert.Contains(found, m => m.EndsWith($"{nameof(ImplicitScalarTests)}.{nameof(TensorSum)}", StringComparison.Ordinal));
        Assert.DoesNotContain(found, m => m.EndsWith($"{nameof(ImplicitScalarTests)}.{nameof(TensorDifference)}", StringComparison.Ordinal));
    }

    private static TorchSharp.torch.Tensor TensorSum(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b) => a + b;

    // sub(other) passes no Scalar: not flagged.
    private static TorchSharp.torch.Tensor TensorDifference(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b) => a - b;

    // Methods of the assembly at path whose IL calls TorchSharp.Scalar::op_Implicit.
    private static IEnumerable<string> ImplicitScalarCallers(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var found = new List<string>();
        foreach (var handle in md.MethodDefinitions)
        {
            var method = md.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE)
                {
                    code = unchecked((short)(0xFE00 | il.ReadByte()));
                }

                var operand = Operands[code];
                if (operand == OperandType.InlineMethod)
                {
                    var callee = MetadataTokens.EntityHandle(il.ReadInt32());
                    if (IsImplicitScalar(md, callee) || MakesUnheldAlpha(md, callee))
                    {
                        var type = md.GetTypeDefinition(method.GetDeclaringType());
                        found.Add($"{Path.GetFileName(path)}: {md.GetString(type.Namespace)}.{md.GetString(type.Name)}.{md.GetString(method.Name)}");
                    }

                    continue;
                }

                if (operand == OperandType.InlineSwitch)
                {
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    continue;
                }

                il.Offset += operand switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    _ => 4,
                };
            }
        }

        return found.Distinct();
    }

    // TorchSharp's Tensor + Tensor, Tensor + Scalar, add(other) and add_(other) call add(other, alpha: 1) with a Scalar
    // made inside TorchSharp and held by nothing: the same race, in TorchSharp's IL rather than ours (an AlterMin run of
    // the worst-case grid crashed in it). KeptAliveScalars.Plus and AddInPlace pass a held alpha.
    private static bool MakesUnheldAlpha(MetadataReader md, EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var member = md.GetMemberReference((MemberReferenceHandle)handle);
        string name = md.GetString(member.Name);
        bool arithmetic = name is "op_Multiply" or "op_Division" or "op_Subtraction";
        if (!(arithmetic || name is "op_Addition" or "add" or "add_") || member.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
        if (md.GetString(type.Name) != "Tensor" || type.ResolutionScope.Kind != HandleKind.TypeReference
            || md.GetString(md.GetTypeReference((TypeReferenceHandle)type.ResolutionScope).Name) != "torch")
        {
            return false;
        }

        var signature = md.GetBlobReader(member.Signature);
        signature.ReadSignatureHeader();
        int parameters = signature.ReadCompressedInteger();
        if (!arithmetic)
        {
            return name == "op_Addition" || parameters == 1;
        }

        // tensor * 2.0, tensor / n, tensor - 1: TorchSharp converts the number into a Scalar itself (not in every
        // version with a using), so FedSec's IL shows no op_Implicit; KeptAliveScalars.Times/Over/Plus hold it.
        var types = new List<byte>();
        for (int i = 0; i <= parameters; i++)
        {
            byte element = signature.ReadByte();
            types.Add(element);
            if (element is 0x11 or 0x12)
            {
                signature.ReadCompressedInteger();
            }
        }

        return types.Skip(1).Any(t => t is 0x08 or 0x0A or 0x0C or 0x0D); // int, long, float, double operands
    }

    private static bool IsImplicitScalar(MetadataReader md, EntityHandle handle)
    {
        if (handle.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        var member = md.GetMemberReference((MemberReferenceHandle)handle);
        if (md.GetString(member.Name) != "op_Implicit" || member.Parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        var type = md.GetTypeReference((TypeReferenceHandle)member.Parent);
        return md.GetString(type.Namespace) == "TorchSharp" && md.GetString(type.Name) == "Scalar";
    }
}
