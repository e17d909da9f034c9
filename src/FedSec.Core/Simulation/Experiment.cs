using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.ServerOptimizers;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// A federated-learning simulation with FedMLSecurity's injection points. Each round: sample clients; each client
/// (poisoning its own data first when it is malicious and the attack is active) trains locally from the global
/// model; then the server runs <see cref="ServerRound"/>; then the new global model is evaluated on the clean test
/// set every <c>frequency_of_the_test</c> rounds and after the last. Clients train one after another, and every
/// random draw derives from (seed, round, client), so a run's numbers do not depend on the thread count.
/// </summary>
public sealed class Experiment
{
    private readonly ExperimentSetup _setup;
    private readonly IModelBackend _backend;
    private readonly ExperimentData _data;
    private readonly TimeProvider _time;
    private readonly PipelineStages _stages;
    private readonly AdversarySchedule _adversary;
    private readonly SeedStreams _seeds;
    private readonly List<IRoundMetric> _metrics = new();

    /// <summary>Prepares a run; checks that the data match the configured number of clients.</summary>
    public Experiment(ExperimentSetup setup, IModelBackend backend, ExperimentData data, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(data);
        _setup = setup;
        _backend = backend;
        _data = data;
        _time = time ?? TimeProvider.System;
        var c = setup.Config;
        if (data.Clients.Count != c.ClientNumInTotal)
        {
            throw new ArgumentException($"The data holds {data.Clients.Count} client sets; client_num_in_total is {c.ClientNumInTotal}.", nameof(data));
        }

        _seeds = new SeedStreams(c.RandomSeed);
        _stages = new PipelineStages(setup);
        _adversary = new AdversarySchedule(c, _seeds, c.EnableAttack ? _stages.Controls?.MaliciousClients : null);
    }

    /// <summary>The configuration this run follows.</summary>
    public ExperimentConfig Config => _setup.Config;

    /// <summary>The malicious identities fixed for this run (empty with per-round selection).</summary>
    public IReadOnlySet<int> MaliciousIdentities => _adversary.FixedIdentities;

    /// <summary>
    /// What the attack and the defenses that check their settings against the model (<see cref="IChecksInitialModel"/>)
    /// find wrong with the initial global model of this run (the same one <see cref="Run"/> starts from): warnings to
    /// show before running.
    /// </summary>
    public IReadOnlyList<string> CheckInitialModel()
    {
        var checkers = _setup.Defenses.Prepend(_setup.Attack).OfType<IChecksInitialModel>().ToList();
        if (checkers.Count == 0)
        {
            return Array.Empty<string>();
        }

        var global = _backend.InitialWeights(_seeds.DeriveInt("model-init"));
        return checkers.SelectMany(c => c.CheckInitialModel(global, _backend.Layout, _setup.Config.CommRound)).ToList();
    }

    /// <summary>
    /// The run's output directory, handed to the server-side components through <see cref="RoundContext.OutputDirectory"/>
    /// (e.g. for reconstructed images); null (the default) when the run writes no files.
    /// </summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Adds a metric computed at each evaluation (attack success rate, per-class recall, ...).</summary>
    public Experiment AddMetric(IRoundMetric metric)
    {
        _metrics.Add(metric);
        return this;
    }

    /// <summary>Runs every round; returns the round records and the final global model.</summary>
    public ExperimentResult Run(IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        var c = _setup.Config;
        var layout = _backend.Layout;
        var global = _backend.InitialWeights(_seeds.DeriveInt("model-init"));
        layout.CheckLength(global.Length);
        var server = new ServerRound(_stages, ServerOptimizerFactory.Create(c));
        var settings = new LocalTrainingSettings(
            c.Epochs,
            c.BatchSize,
            c.ClientOptimizer,
            c.LearningRate,
            c.Momentum,
            c.WeightDecay,
            string.Equals(c.FederatedOptimizer, "fedprox", StringComparison.OrdinalIgnoreCase) ? c.FedProxMu : 0);
        var records = new List<RoundRecord>();
        var buffers = new RoundBuffers();
        for (int round = 0; round < c.CommRound; round++)
        {
            cancellation.ThrowIfCancellationRequested();
            long start = _time.GetTimestamp();
            IReadOnlyList<int> sampled = SampleClients(round);
            observer?.RoundStarted(round, sampled);
            bool active = _adversary.IsActive(round);
            var malicious = _adversary.MaliciousIn(round, sampled);
            var updates = new List<ClientUpdate>(sampled.Count);
            double lossSum = 0;
            foreach (var id in sampled)
            {
                cancellation.ThrowIfCancellationRequested();
                var data = _data.Clients[id];
                var clientSettings = settings;
                if (malicious.Contains(id))
                {
                    var client = new ClientContext { Round = round, ClientId = id, Seeds = _seeds, MaliciousClients = _adversary.FixedIdentities.Count > 0 ? _adversary.FixedIdentities : malicious };
                    if (_stages.DataPoisoning is { } poison)
                    {
                        data = poison.PoisonData(data.Clone(), client);
                    }

                    if (_stages.LocalConstraint is { } constrains)
                    {
                        clientSettings = settings with { Constraint = constrains.ConstraintFor(client) };
                    }
                }

                var result = _backend.Train(global, data, clientSettings, _seeds.Random("batch-order", round, id), _seeds.DeriveInt("local-training", round, id));
                lossSum += result.MeanLoss;
                updates.Add(new ClientUpdate(id, data.Count, result.Weights));
                observer?.ClientTrained(round, id, updates.Count, sampled.Count);
            }

            var context = new RoundContext
            {
                Round = round,
                TotalRounds = c.CommRound,
                Global = global,
                Layout = layout,
                SampledClients = sampled,
                MaliciousClients = malicious,
                Seeds = _seeds,
                TotalClients = c.ClientNumInTotal,
                ClientData = id => _data.Clients[id],
                OutputDirectory = OutputDirectory,
                Buffers = buffers,
                ServerTrainer = _data.ServerRoot is { } root ? () => _backend.Train(global, root, settings, _seeds.Random("server-root", round), _seeds.DeriveInt("server-root", round)).Weights : null,
            };
            var outcome = server.Run(updates, context, active);
            global = outcome.Global;

            double? accuracy = null, loss = null;
            var metrics = new Dictionary<string, double>();
            if ((round + 1) % c.FrequencyOfTheTest == 0 || round == c.CommRound - 1)
            {
                var eval = _backend.Evaluate(global, _data.Test);
                accuracy = eval.Accuracy;
                loss = eval.Loss;
                foreach (var m in _metrics)
                {
                    m.Compute(global, eval, _backend, metrics);
                }
            }

            var record = new RoundRecord
            {
                Round = round,
                Accuracy = accuracy,
                Loss = loss,
                TrainLoss = sampled.Count == 0 ? double.NaN : lossSum / sampled.Count,
                Seconds = _time.GetElapsedTime(start).TotalSeconds,
                Sampled = sampled,
                AttackActive = active,
                Attacked = malicious.OrderBy(x => x).ToArray(),
                Defenses = outcome.Defenses,
                Reconstructions = outcome.Reconstructions,
                Metrics = metrics,
            };
            records.Add(record);
            observer?.RoundFinished(record);
        }

        return new ExperimentResult(records, global, layout, _adversary.FixedIdentities.OrderBy(x => x).ToArray());
    }

    private int[] SampleClients(int round)
    {
        var c = _setup.Config;
        if (c.ClientNumPerRound >= c.ClientNumInTotal)
        {
            return Enumerable.Range(0, c.ClientNumInTotal).ToArray();
        }

        return _seeds.Random("client-sampling", round).Choose(c.ClientNumInTotal, c.ClientNumPerRound);
    }
}
