using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// Options of the data-reconstruction attacks <c>dlg</c> and <c>idlg</c>. FedML's keys keep FedML's meaning: in its
/// <c>dlg_attack.py</c>, <c>attack_round_num</c> is the number of L-BFGS iterations (despite its name) and
/// <c>attack_iteration_idxs</c> the federated rounds attacked (default: the last one).
/// </summary>
public sealed class GradientInversionOptions
{
    /// <summary><c>dlg_iterations</c>: L-BFGS iterations.</summary>
    public static readonly IntParameter IterationsKey = new("dlg_iterations", 300, "L-BFGS iterations (each up to 20 evaluations) of the gradient matching.", min: 1);

    /// <summary><c>attack_round_num</c>: FedML's name for the number of L-BFGS iterations.</summary>
    public static readonly OptionalParameter<int> AttackRoundNumKey = new(
        new IntParameter("attack_round_num", 300, "FedML's name for dlg_iterations (the L-BFGS iterations, not federated rounds).", min: 1),
        "dlg_iterations");

    /// <summary><c>attack_iteration_idxs</c>: the 0-based rounds attacked.</summary>
    public static readonly IntListParameter RoundsKey = new("attack_iteration_idxs", Array.Empty<int>(), "0-based rounds in which the server attacks (FedML's name).", min: 0);

    /// <summary><c>protected_layers</c>: indices of trainable tensors whose gradient the attacker does not see.</summary>
    public static readonly IntListParameter ProtectedKey = new("protected_layers", Array.Empty<int>(), "0-based indices of trainable tensors (module order) hidden from the attacker.", min: 0);

    /// <summary><c>dlg_client</c>: the client attacked.</summary>
    public static readonly IntParameter ClientKey = new("dlg_client", -1, "Client whose update is inverted; -1 for the lowest sampled id of the round.", min: -1, defaultText: "lowest sampled id");

    /// <summary><c>dlg_restarts</c>: attempts from fresh dummy data.</summary>
    public static readonly IntParameter RestartsKey = new("dlg_restarts", 1, "Attempts from fresh dummy data when L-BFGS diverges or stalls; the lowest gradient distance wins (1 = the paper's single run).", min: 1);

    /// <summary><c>dlg_line_search</c>: how L-BFGS chooses its step lengths.</summary>
    public static readonly ChoiceParameter<LineSearchKind> LineSearchKey = new(
        "dlg_line_search",
        LineSearchKind.StrongWolfe,
        "L-BFGS step lengths: a strong Wolfe line search, or none (a fixed step of 1, as in the DLG authors' code).",
        ("strong_wolfe", LineSearchKind.StrongWolfe),
        ("none", LineSearchKind.None));

    /// <summary>The keys these attacks read.</summary>
    public static readonly IParameter[] Keys = { IterationsKey, AttackRoundNumKey, RoundsKey, ProtectedKey, ClientKey, RestartsKey, LineSearchKey };

    /// <summary>L-BFGS iterations.</summary>
    /// <value>The default value is 300, as in the DLG authors' code.</value>
    public int Iterations { get; init; } = IterationsKey.Default;

    /// <summary>The 0-based rounds attacked; empty means the last round.</summary>
    /// <value>The default value is empty (the last round, FedML's default).</value>
    public IReadOnlyList<int> Rounds { get; init; } = RoundsKey.Default;

    /// <summary>Indices of trainable tensors hidden from the attacker.</summary>
    /// <value>The default value is empty (every gradient is seen).</value>
    public IReadOnlySet<int> ProtectedLayers { get; init; } = new HashSet<int>(ProtectedKey.Default);

    /// <summary>The attacked client, or −1 for the lowest sampled id.</summary>
    /// <value>The default value is −1.</value>
    public int Client { get; init; } = ClientKey.Default;

    /// <summary>
    /// Attempts from fresh dummy data. A later attempt runs only while the best gradient distance so far is above
    /// <see cref="ConvergedDistance"/>; the attacker picks the attempt with the lowest distance (it never sees the data).
    /// </summary>
    /// <value>The default value is 1: the single run of the paper.</value>
    public int Restarts { get; init; } = RestartsKey.Default;

    /// <summary>Whether L-BFGS searches its step lengths (strong Wolfe) or takes fixed steps (the authors' code).</summary>
    /// <value>The default value is true: a strong Wolfe line search.</value>
    public bool LineSearch { get; init; } = LineSearchKey.Default == LineSearchKind.StrongWolfe;

    /// <summary>A gradient distance below which an attempt counts as converged and no restart follows.</summary>
    public const double ConvergedDistance = 1e-4;

    /// <summary>Whether round <paramref name="round"/> of <paramref name="totalRounds"/> is attacked.</summary>
    public bool Attacks(int round, int totalRounds) => Rounds.Count == 0 ? round == totalRounds - 1 : Rounds.Contains(round);

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static GradientInversionOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int iterations = args.Get(IterationsKey);
        if (args.Get(AttackRoundNumKey) is int fedml)
        {
            if (iterations != IterationsKey.Default && fedml != iterations)
            {
                args.Report(
                    args.QualifiedKey(AttackRoundNumKey.Key),
                    $"attack_round_num ({fedml}) and dlg_iterations ({iterations}) both set the L-BFGS iterations and disagree; set one of them.");
            }

            iterations = fedml;
        }

        var rounds = args.Get(RoundsKey);
        foreach (var r in rounds.Where(r => r >= args.Shape.Rounds))
        {
            args.Report(args.QualifiedKey(RoundsKey.Key), $"round {r} does not exist: the experiment has rounds 0..{args.Shape.Rounds - 1} (train_args.comm_round = {args.Shape.Rounds}).");
        }

        int client = args.Get(ClientKey);
        if (client >= args.Shape.TotalClients)
        {
            args.Report(args.QualifiedKey(ClientKey.Key), $"client {client} does not exist: the federation has clients 0..{args.Shape.TotalClients - 1}; use -1 for the lowest sampled id.");
        }

        return new GradientInversionOptions
        {
            Iterations = iterations,
            Rounds = rounds,
            ProtectedLayers = new HashSet<int>(args.Get(ProtectedKey)),
            Client = client,
            Restarts = args.Get(RestartsKey),
            LineSearch = args.Get(LineSearchKey) == LineSearchKind.StrongWolfe,
        };
    }
}
