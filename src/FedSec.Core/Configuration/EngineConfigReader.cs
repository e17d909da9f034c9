using FedSec.Configuration.Parameters;
using P = FedSec.Configuration.EngineParameters;
using S = FedSec.Configuration.ConfigSections;

namespace FedSec.Configuration;

/// <summary>Reads and cross-checks the engine's keys (<see cref="EngineParameters"/>) into an <see cref="ExperimentConfig"/>.</summary>
internal static class EngineConfigReader
{
    /// <summary>
    /// The engine settings; attack and defense names are left for <c>Setup.ExperimentBinder</c> to resolve. An empty
    /// <paramref name="modelNames"/> or <paramref name="datasetNames"/> accepts any name.
    /// </summary>
    public static ExperimentConfig Read(
        SectionReader r,
        IReadOnlyCollection<string> modelNames,
        IReadOnlyCollection<string> datasetNames)
    {
        string cacheDir = r.Get(P.DataCacheDir, S.Data);
        string initialModel = r.Get(P.InitialModel, S.Model);
        string modelPath = r.Get(P.ModelPath, S.Model);
        string pretrain = r.Get(P.Pretrain, S.Model);
        var config = new ExperimentConfig
        {
            RandomSeed = r.Get(P.RandomSeed, S.Common),
            Dataset = OneOf(r, P.Dataset, S.Data, datasetNames, "data set"),
            DataCacheDir = string.IsNullOrWhiteSpace(cacheDir) ? null : cacheDir,
            PartitionMethod = r.Get(P.PartitionMethod, S.Data),
            PartitionAlpha = r.Get(P.PartitionAlpha, S.Data),
            ShardsPerClient = r.Get(P.ShardsPerClient, S.Data),
            TrainSamples = r.Get(P.TrainSamples, S.Data),
            TestSamples = r.Get(P.TestSamples, S.Data),
            Model = OneOf(r, P.Model, S.Model, modelNames, "model"),
            InitialModel = string.IsNullOrWhiteSpace(initialModel) ? null : initialModel,
            SequenceLength = r.Get(P.SequenceLength, S.Data),
            TestFraction = r.Get(P.TestFraction, S.Data),
            ModelPath = string.IsNullOrWhiteSpace(modelPath) ? null : modelPath,
            Pretrain = string.IsNullOrWhiteSpace(pretrain) ? null : pretrain,
            PeftType = r.Get(P.PeftType, S.Lora),
            LoraR = r.Get(P.LoraR, S.Lora),
            LoraAlpha = r.Get(P.LoraAlpha, S.Lora),
            LoraDropout = r.Get(P.LoraDropout, S.Lora),
            TargetModules = r.Get(P.TargetModules, S.Lora),
            LocalSteps = r.Get(P.LocalSteps, S.Train),
            MaxGradNorm = r.Get(P.MaxGradNorm, S.Train),

            // FedML's FedOpt is Reddi et al.'s adaptive server optimiser; FedSec implements its Adam form (the word maps to it).
            FederatedOptimizer = r.Get(P.FederatedOptimizer, S.Train),
            ClientNumInTotal = r.Get(P.ClientNumInTotal, S.Train),
            ClientNumPerRound = r.Get(P.ClientNumPerRound, S.Train),
            CommRound = r.Get(P.CommRound, S.Train),
            MinClients = r.Get(P.MinClients, S.Train),
            OnDivergence = r.Get(P.OnDivergence, S.Train),
            ExactSum = r.Get(P.ExactSum, S.Train),
            Epochs = r.Get(P.Epochs, S.Train),
            BatchSize = r.Get(P.BatchSize, S.Train),
            ClientOptimizer = r.Get(P.ClientOptimizer, S.Train),
            LearningRate = r.Get(P.LearningRate, S.Train),
            Momentum = r.Get(P.Momentum, S.Train),
            WeightDecay = r.Get(P.WeightDecay, S.Train),
            ServerLr = r.Get(P.ServerLr, S.Train),
            ServerMomentum = r.Get(P.ServerMomentum, S.Train),
            ServerBeta1 = r.Get(P.ServerBeta1, S.Train),
            ServerBeta2 = r.Get(P.ServerBeta2, S.Train),
            ServerEpsilon = r.Get(P.ServerEpsilon, S.Train),
            FedProxMu = r.Get(P.FedProxMu, S.Train),
            ClientMomentum = r.Get(P.ClientMomentum, S.Train),
            ServerWeightDecay = r.Get(P.ServerWeightDecay, S.Train),
            StalenessModel = r.Get(P.StalenessModel, S.Train),
            MaxStaleness = r.Get(P.MaxStaleness, S.Train),
            StalenessFunction = r.Get(P.StalenessFunction, S.Train),
            StalenessA = r.Get(P.StalenessA, S.Train),
            StalenessB = r.Get(P.StalenessB, S.Train),
            AsyncAlpha = r.Get(P.AsyncAlpha, S.Train),
            AsyncRho = r.Get(P.AsyncRho, S.Train),
            FrequencyOfTheTest = r.Get(P.FrequencyOfTheTest, S.Validation),
            AttackProb = r.Get(P.AttackProb, S.Attack),
            PoisonStartRoundId = r.Get(P.PoisonStartRoundId, S.Attack),
            PoisonEndRoundId = r.Get(P.PoisonEndRoundId, S.Attack),
            MaliciousClientSelection = r.Get(P.MaliciousClientSelection, S.Attack),
            MaliciousClientsWithoutData = r.Get(P.MaliciousClientsWithoutData, S.Attack),
            TriggerOnly = r.Get(P.TriggerOnly, S.Attack),
        };

        CrossCheck(r, config);
        OptimizerCheck.Check(r, config);
        return config;
    }

    private static void CrossCheck(SectionReader r, ExperimentConfig c)
    {
        if (c.MaliciousClientsWithoutData && c.MaliciousClientSelection == MaliciousClientSelection.PerRound)
        {
            r.Report(
                P.MaliciousClientsWithoutData,
                S.Attack,
                $"malicious clients without data need identities decided before the data is split, but {r.QualifiedKey(P.MaliciousClientSelection, S.Attack)} is per_round (re-drawn each round); use malicious_client_selection: fixed, or malicious_clients_without_data: false.");
        }

        // A key that is already reported holds its default here, so a cross-check on it would report a value the
        // user never wrote.
        if (!r.Failed(P.ClientNumPerRound) && !r.Failed(P.ClientNumInTotal) && c.ClientNumPerRound > c.ClientNumInTotal)
        {
            r.Report(
                P.ClientNumPerRound,
                S.Train,
                $"{c.ClientNumPerRound} clients per round cannot be drawn from {c.ClientNumInTotal} clients in total ({r.QualifiedKey(P.ClientNumInTotal, S.Train)}); use at most {c.ClientNumInTotal}.");
        }

        if (!r.Failed(P.PoisonEndRoundId) && !r.Failed(P.PoisonStartRoundId) && c.PoisonEndRoundId < c.PoisonStartRoundId)
        {
            r.Report(
                P.PoisonEndRoundId,
                S.Attack,
                $"the attack window ends (round {c.PoisonEndRoundId}) before it starts ({r.QualifiedKey(P.PoisonStartRoundId, S.Attack)} = {c.PoisonStartRoundId}); use a round ≥ {c.PoisonStartRoundId}.");
        }
    }

    private static string OneOf(SectionReader r, StringParameter parameter, string section, IReadOnlyCollection<string> names, string what)
    {
        string value = r.Get(parameter, section);
        if (names.Count == 0)
        {
            return value;
        }

        var match = names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        r.Report(parameter, section, $"'{value}' is not a known {what}; expected one of {string.Join(" | ", names)}{NameSuggestion.Hint(value, names)}");
        return value;
    }
}
