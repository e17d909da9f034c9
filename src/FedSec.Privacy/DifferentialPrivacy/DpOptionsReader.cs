using System.Globalization;
using FedSec.Configuration;
using FedSec.Privacy.Accounting;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>
/// Reads <c>dp_args</c> and checks the keys against each other: which keys each solution needs and refuses, the noise
/// multiplier calibrated from a budget, adaptive clipping's split of the noise. Every problem names its key.
/// </summary>
internal static class DpOptionsReader
{
    /// <summary>The options, or null when <c>enable_dp</c> is not true or a key had a problem (reported to <paramref name="args"/>).</summary>
    public static DpOptions? Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Get(DpOptions.EnableKey))
        {
            return null;
        }

        int before = args.Problems.Count;
        var o = new DpOptions
        {
            Solution = args.Get(DpOptions.SolutionKey),
            Mechanism = args.Get(DpOptions.MechanismKey),
            Epsilon = args.Get(DpOptions.EpsilonKey),
            Delta = args.Get(DpOptions.DeltaKey),
            Sensitivity = args.Get(DpOptions.SensitivityKey),
            ClippingNorm = args.Get(DpOptions.ClippingNormKey),
            NoiseMultiplier = args.Get(DpOptions.NoiseMultiplierKey),
            RdpAccountant = args.Get(DpOptions.RdpAccountantKey),
            RdpAlpha = args.Get(DpOptions.RdpAlphaKey),
            Adaptive = args.Get(DpOptions.AdaptiveKey),
            TargetQuantile = args.Get(DpOptions.TargetQuantileKey),
            ClipLearningRate = args.Get(DpOptions.ClipLearningRateKey),
            ClippedCountStddev = args.Get(DpOptions.ClippedCountStddevKey),
            SecureNoise = args.Get(DpOptions.SecureNoiseKey),
        };
        if (args.Problems.Count > before)
        {
            // A key's own problem is reported; the cross-checks would only add consequences of it.
            return null;
        }

        switch (o.Solution)
        {
            case DpSolution.NbAfl:
                args.Report(DpOptions.SolutionKey.Key,
                    "nbafl (Wei et al. 2020) is not implemented: it clips the model weights themselves, not the updates, and its noise assumes every client in every round with a per-sample sensitivity over the smallest local data set. Use ldp for noise added by each client, or cdp / dp_clip for DP-FedAvg with an accountant.");
                return null;
            case DpSolution.Ldp:
                CheckLocal(args, o);
                break;
            case DpSolution.DpClip when args.Shape.Optimizer == FederatedOptimizer.FedNova:
                args.Report(DpOptions.SolutionKey.Key,
                    "dp_clip with train_args.federated_optimizer FedNova: the clients clip, then the server rescales each update by tau_eff/a_i (FedNova's normalised averaging), so the updates it averages are no longer within clipping_norm and the noise does not match their sensitivity. Use cdp, which clips on the server after the rescaling.");
                return null;
            default:
                o = CheckCentral(args, o);
                break;
        }

        return args.Problems.Count > before ? null : o;
    }

    private static void CheckLocal(ComponentArgs args, DpOptions o)
    {
        if (o.Epsilon is null)
        {
            args.Report(DpOptions.EpsilonKey.Key, "ldp calibrates each client's noise from epsilon, delta and sensitivity; set epsilon (the epsilon of one client's update in one round).");
        }

        if (o.NoiseMultiplier is not null)
        {
            args.Report(DpOptions.NoiseMultiplierKey.Key, "noise_multiplier is for cdp and dp_clip; ldp calibrates its noise from epsilon, delta and sensitivity.");
        }

        if (o.Adaptive)
        {
            args.Report(DpOptions.AdaptiveKey.Key, "adaptive clipping (Andrew et al. 2021) is for cdp and dp_clip; ldp's noise is calibrated to a fixed clipping_norm.");
        }

        if (o.Sensitivity is { } s && s < 2 * o.ClippingNorm)
        {
            args.Report(DpOptions.SensitivityKey.Key,
                $"{Text(s)} is below 2·clipping_norm = {Text(2 * o.ClippingNorm)}, the most two clipped updates can differ, so the noise would not give the stated epsilon; leave sensitivity unset to use 2·clipping_norm.");
        }
    }

    private static DpOptions CheckCentral(ComponentArgs args, DpOptions o)
    {
        string solution = DpOptions.SolutionKey.Word(o.Solution);
        if (o.Mechanism == DpMechanism.Laplace)
        {
            args.Report(DpOptions.MechanismKey.Key, $"{solution} is DP-FedAvg with Gaussian noise and an RDP accountant; laplace is available for ldp only.");
        }

        if (o.Sensitivity is not null)
        {
            args.Report(DpOptions.SensitivityKey.Key, $"sensitivity is for ldp; {solution}'s sensitivity is clipping_norm / clients per round, set by clipping_norm.");
        }

        var shape = args.Shape;
        double q = (double)shape.ClientsPerRound / shape.TotalClients;
        if (o.NoiseMultiplier is not null && o.Epsilon is not null)
        {
            args.Report(DpOptions.EpsilonKey.Key, $"{solution} takes either noise_multiplier or epsilon (a budget from which the noise multiplier is calibrated), not both.");
            return o;
        }

        if (o.NoiseMultiplier is null && o.Epsilon is null)
        {
            args.Report(DpOptions.NoiseMultiplierKey.Key, $"{solution} needs noise_multiplier (z: the mean gets N(0, (z·C/m)²) noise) or epsilon (a budget for comm_round rounds, from which z is calibrated).");
            return o;
        }

        if (o.Epsilon is { } budget)
        {
            if (!o.RdpAccountant)
            {
                args.Report(DpOptions.RdpAccountantKey.Key, "epsilon is a budget the RDP accountant calibrates the noise to; it needs enable_rdp_accountant: true.");
                return o;
            }

            try
            {
                IReadOnlyList<double>? orders = o.RdpAlpha is { } a ? [a] : null;
                o = o with { NoiseMultiplier = NoiseMultiplierSearch.For(budget, o.Delta, q, shape.Rounds, orders) };
            }
            catch (PrivacyBudgetException e)
            {
                args.Report(DpOptions.EpsilonKey.Key, $"{e.Message} (sample rate q = client_num_per_round / client_num_in_total = {Text(q)}, {shape.Rounds} rounds)");
                return o;
            }
        }

        if (o.Adaptive)
        {
            double stddev = o.ClippedCountStddev ?? shape.ClientsPerRound / 20.0;
            if (o.NoiseMultiplier!.Value >= 2 * stddev)
            {
                args.Report(DpOptions.ClippedCountStddevKey.Key,
                    $"adaptive clipping splits the noise multiplier z = {Text(o.NoiseMultiplier.Value)} between the updates and the unclipped count (Andrew et al. 2021: z_update = (z^-2 - (2·sigma_b)^-2)^-1/2), which needs z < 2·clipped_count_stddev = {Text(2 * stddev)}; raise clipped_count_stddev or lower the noise.");
            }
        }

        return o;
    }

    private static string Text(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
