using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Mimic;

/// <summary>
/// The mimic attack (Karimireddy, He and Jaggi, "Byzantine-robust learning on heterogeneous datasets via bucketing",
/// ICLR 2022): every malicious client sends an exact copy of one benign client's model, over-representing that
/// client's data under heterogeneity while looking perfectly honest. The client is <c>mimic_client</c> when set and
/// present (and benign) in the round; otherwise the paper's choice (<see cref="MimicKernel"/>), made on the first
/// attacked round and kept while that client takes part, as the paper fixes i* after its warm-up.
/// </summary>
internal sealed class MimicAttack : IModelPoisoningAttack, IControlsClients, ICrossRoundState
{
    private readonly MimicOptions _options;
    private int? _followed;

    public MimicAttack(MimicOptions options) => _options = options;

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    /// <summary>The client copied in the last round attacked (for inspection and tests).</summary>
    public int? LastMimicked { get; private set; }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0 || view.Benign.Count == 0)
        {
            return updates;
        }

        int target = Find(view, _options.Client) ?? Find(view, _followed) ?? Choose(view);
        LastMimicked = view[target].ClientId;
        var weights = view[target].Weights;
        return view.ReplaceMalicious(i => view[i].WithWeights((float[])weights.Clone()));
    }

    private static int? Find(RoundView view, int? clientId)
    {
        if (clientId is not { } id || id < 0)
        {
            return null;
        }

        foreach (var i in view.Benign)
        {
            if (view[i].ClientId == id)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// The paper's heuristic on this round's benign updates. The first choice is kept for later rounds; in a round without
    /// that client (partial participation) the choice is for this round only, and the first is followed again when it
    /// returns (until 2026-12-05 such a round replaced it for good).
    /// </summary>
    private int Choose(RoundView view)
    {
        int position = view.Benign[MimicKernel.Choose(view.Benign.Select(view.Delta).ToArray())];
        _followed ??= view[position].ClientId;
        return position;
    }

    public void WriteState(BinaryWriter writer)
    {
        writer.Write(_followed ?? -1);
        writer.Write(LastMimicked ?? -1);
    }

    public void ReadState(BinaryReader reader)
    {
        int followed = reader.ReadInt32(), last = reader.ReadInt32();
        _followed = followed < 0 ? null : followed;
        LastMimicked = last < 0 ? null : last;
    }
}
