using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// The clients' side of a round, for the clients it is given (all sampled clients in the simulation, a node's own in a
/// distributed run). Data poisoning first, in client order and on the calling thread; then local training, up to the
/// backend's <see cref="IModelBackend.MaxConcurrentTrainings"/> clients at a time on dedicated threads. Each client's
/// training depends only on (global model, its data, its seeds), so the results are the same at any parallelism and
/// whichever process trains them. A client whose local model comes back with the right length but a non-finite value
/// diverged (its result says so; a wrongly sized model is left to the server's check); after an honest client's
/// divergence, the clients after it, which the round will not use, are not trained (their result is null). A malicious
/// client's divergence stops nothing: the server leaves its update out.
/// </summary>
internal sealed class ClientRound
{
    private readonly IModelBackend _backend;
    private readonly ExperimentData _data;
    private readonly SeedStreams _seeds;
    private readonly PipelineStages _stages;
    private readonly bool _triggerOnly;

    public ClientRound(IModelBackend backend, ExperimentData data, SeedStreams seeds, PipelineStages stages, bool triggerOnly)
    {
        _backend = backend;
        _data = data;
        _seeds = seeds;
        _stages = stages;
        _triggerOnly = triggerOnly;
    }

    public ClientResult?[] Train(RoundPlan plan, IReadOnlyList<int> sampled, LocalTrainingSettings settings, IExperimentObserver? observer, CancellationToken cancellation)
    {
        int round = plan.Round;
        var jobs = new (IClientDataset Data, LocalTrainingSettings Settings)[sampled.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            jobs[i] = Prepare(sampled[i], plan, settings);
        }

        // Weight 0 (no samples) makes the aggregate the other clients' alone.
        bool SendsNothing(int i) => jobs[i].Data.Count == 0 || (_triggerOnly && plan.Malicious.Contains(sampled[i]));

        var layout = _backend.Layout;
        var results = new LocalTrainingResult?[jobs.Length];
        var nonFinite = new int[jobs.Length];
        int firstDiverged = int.MaxValue, trained = 0;
        var observerGate = new object();
        void TrainOne(int i)
        {
            // A client after one that diverged would be thrown away: the round ends at the first divergence.
            if (i > Volatile.Read(ref firstDiverged))
            {
                return;
            }

            int id = sampled[i];

            // A client without data (malicious_clients_without_data) trains nothing: it sends the model it started from,
            // which the attack replaces; its loss is left out of the round's train loss (ClientTraining.Assemble). So
            // does a malicious client of a trigger_only run, after poisoning its data (which adapts the trigger).
            var result = SendsNothing(i)
                ? new LocalTrainingResult(plan.StartModel(id).ToArray(), 0, 0) { Steps = 0 }
                : _backend.Train(plan.StartModel(id), jobs[i].Data, jobs[i].Settings, _seeds.Random("batch-order", round, id), _seeds.DeriveInt("local-training", round, id));
            results[i] = result;
            nonFinite[i] = result.Weights.Length == layout.Length ? NonFinite.FirstIndex(result.Weights) : -1;
            if (nonFinite[i] >= 0 && plan.DivergenceEndsRound(id))
            {
                int seen;
                while (i < (seen = Volatile.Read(ref firstDiverged)) && Interlocked.CompareExchange(ref firstDiverged, i, seen) != seen)
                {
                }
            }

            lock (observerGate)
            {
                observer?.ClientTrained(round, id, ++trained, sampled.Count);
            }
        }

        int parallel = Math.Min(_backend.MaxConcurrentTrainings, jobs.Length);
        if (parallel <= 1)
        {
            for (int i = 0; i < jobs.Length; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                TrainOne(i);
            }
        }
        else
        {
            RunOnThreads(parallel, jobs.Length, TrainOne, cancellation);
        }

        var done = new ClientResult?[jobs.Length];
        for (int i = 0; i < jobs.Length && results[i] is { } result; i++)
        {
            int id = sampled[i];
            done[i] = new ClientResult(id, SendsNothing(i) ? 0 : jobs[i].Data.Count, result.Weights, result.MeanLoss)
            {
                DivergedReason = nonFinite[i] >= 0 ? $"client {id}'s local training produced {NonFinite.Describe(result.Weights, nonFinite[i], layout)}" : null,
                Steps = result.Steps,
            };
            if (nonFinite[i] >= 0)
            {
                if (plan.DivergenceEndsRound(id))
                {
                    break;
                }

                continue;
            }

            if (_stages.ClientStages.Count > 0 && result.Weights.Length == layout.Length)
            {
                done[i] = done[i]! with { Weights = ProcessOnClient(result.Weights, plan.StartModel(id), id, round, plan.Malicious) };
            }
        }

        return done;
    }

    // Dedicated threads (a client trains for seconds; the thread pool may be slow to lend more threads), each taking the
    // next item in order. The first failure is rethrown as it was thrown.
    private static void RunOnThreads(int threads, int count, Action<int> work, CancellationToken cancellation)
    {
        int next = -1;
        void Worker()
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                cancellation.ThrowIfCancellationRequested();
                work(i);
            }
        }

        var workers = Enumerable.Range(0, threads)
            .Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            Task.WaitAll(workers, CancellationToken.None);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    // What each client does to its trained model before sending it (local DP, clipping by the clients), in client order.
    private float[] ProcessOnClient(float[] local, float[] global, int id, int round, IReadOnlySet<int> malicious)
    {
        var client = new ClientContext { Round = round, ClientId = id, Seeds = _seeds, MaliciousClients = malicious };
        foreach (var (section, stage) in _stages.ClientStages)
        {
            local = stage.ProcessLocalModel(local, global, _backend.Layout, client);
            if (local.Length != _backend.Layout.Length)
            {
                throw new InvalidUpdateException($"{section} returned a model of {local.Length} values for client {id}; the layout has {_backend.Layout.Length}.");
            }
        }

        return local;
    }

    private (IClientDataset Data, LocalTrainingSettings Settings) Prepare(int id, RoundPlan plan, LocalTrainingSettings settings)
    {
        var data = _data.Clients[id];
        if (!plan.Malicious.Contains(id))
        {
            return (data, settings);
        }

        var client = new ClientContext { Round = plan.Round, ClientId = id, Seeds = _seeds, MaliciousClients = plan.AttackerIdentities, GlobalModel = plan.StartModel(id), Layout = _backend.Layout, Directive = plan.Directives.TryGetValue(id, out int directive) ? directive : null };
        if (_stages.DataPoisoning is { } poison)
        {
            // Binding refuses data-poisoning attacks on other kinds of data (SetupDataKindCheck).
            var images = data as ImageSet ?? throw new InvalidOperationException($"The data-poisoning attack poisons images, but client {id}'s data set holds {data.Kind}.");
            data = poison.PoisonData(images.Clone(), client);
        }

        if (_stages.TextPoisoning is { } text)
        {
            // Binding refuses the text backdoor on images (Setup.DataKindCheck).
            var sequences = data as TokenSequenceSet ?? throw new InvalidOperationException($"The text backdoor poisons token sequences, but client {id}'s data set holds {data.Kind}.");
            data = text.PoisonSequences(sequences.Clone(), client);
        }

        // A trigger_only client trains nothing: its constraint and objective (IBA's mask, a gradient pass) would be unused.
        if (_triggerOnly)
        {
            return (data, settings);
        }

        if (_stages.LocalConstraint is { } constrains)
        {
            settings = settings with { Constraint = constrains.ConstraintFor(client) };
        }

        if (_stages.LocalObjective is { } shapes)
        {
            settings = settings with { Objective = shapes.ObjectiveFor(data, client) };
        }

        return (data, settings);
    }
}
