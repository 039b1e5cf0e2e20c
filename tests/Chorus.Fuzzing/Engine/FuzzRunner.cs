using System.Diagnostics;
using System.Security.Cryptography;

namespace Chorus.Fuzzing.Engine;

/// <summary>Settings of one fuzzing run.</summary>
public sealed record FuzzOptions
{
    /// <summary>Mutants per target.</summary>
    public int Inputs { get; init; } = 2_000;

    /// <summary>Seed of the mutation sequence: the same seed gives the same inputs.</summary>
    public int Seed { get; init; } = 20261126;

    /// <summary>Longest time one input may take before it counts as a hang.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most bytes one input may allocate (managed, on the worker thread) before it counts as a finding.</summary>
    public long AllocationBudget { get; init; } = 256L * 1024 * 1024;

    /// <summary>Where findings' inputs are written (null: not written).</summary>
    public string? FindingsFolder { get; init; }
}

/// <summary>A problem found: an undocumented exception, a hang, or an allocation above the budget.</summary>
public sealed record FuzzFinding(string Target, string Kind, string Detail, byte[] Input)
{
    /// <summary>A stable name for the input, from its hash.</summary>
    public string InputName => Convert.ToHexString(SHA256.HashData(Input))[..16].ToLowerInvariant();
}

/// <summary>What one target's run gave.</summary>
public sealed record FuzzTargetReport(string Target, int Inputs, int Rejected, TimeSpan Elapsed, IReadOnlyList<FuzzFinding> Findings);

/// <summary>
/// Runs mutants through a target on a worker thread with a deadline and an allocation budget. A hung worker is
/// abandoned (a background thread: .NET cannot abort it) and replaced, and the run goes on.
/// </summary>
public static class FuzzRunner
{
    public static FuzzTargetReport Run(IFuzzTarget target, FuzzOptions options, Action<string>? progress = null)
    {
        var seeds = target.Seeds();
        if (seeds.Count == 0)
        {
            throw new InvalidOperationException($"target {target.Name} has no seeds");
        }

#pragma warning disable RS0030 // a seeded Random on purpose: the same seed must give the same mutants
        var random = new Random(options.Seed ^ StableHash(target.Name));
#pragma warning restore RS0030
        var mutator = new Mutator(random);
        var findings = new List<FuzzFinding>();
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        var worker = new Worker();
        for (var i = 0; i < options.Inputs; i++)
        {
            // Every 50th input is an untouched seed: the seeds themselves must pass too.
            var input = i % 50 == 0
                ? seeds[(i / 50) % seeds.Count]
                : mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)], target.Kind);
            var outcome = worker.Execute(target, input, options.Deadline);
            if (outcome.TimedOut)
            {
                findings.Add(new FuzzFinding(target.Name, "hang", $"no answer in {options.Deadline.TotalSeconds:0.#} s", input));
                worker = new Worker();
            }
            else if (outcome.Exception is { } ex && !target.IsDocumented(ex))
            {
                findings.Add(new FuzzFinding(target.Name, "exception", $"{ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace}", input));
            }
            else if (outcome.AllocatedBytes > options.AllocationBudget)
            {
                findings.Add(new FuzzFinding(target.Name, "allocation", $"{outcome.AllocatedBytes / 1024 / 1024} MB allocated", input));
            }
            else if (outcome.Exception is not null)
            {
                rejected++;
            }

            if (progress is not null && (i + 1) % 10_000 == 0)
            {
                progress($"{target.Name}: {i + 1}/{options.Inputs} inputs, {findings.Count} findings, {clock.Elapsed:mm\\:ss}");
            }
        }

        worker.Dispose();
        if (options.FindingsFolder is { } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
            foreach (var f in findings)
            {
                File.WriteAllBytes(Path.Combine(folder, $"{f.Target}-{f.Kind}-{f.InputName}.bin"), f.Input);
                File.WriteAllText(Path.Combine(folder, $"{f.Target}-{f.Kind}-{f.InputName}.txt"), f.Detail);
            }
        }

        return new FuzzTargetReport(target.Name, options.Inputs, rejected, clock.Elapsed, findings);
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = (h * 31) + c;
        }

        return h;
    }

    private readonly record struct Outcome(bool TimedOut, Exception? Exception, long AllocatedBytes);

    /// <summary>A dedicated thread that runs one input at a time.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly SemaphoreSlim _start = new(0);
        private readonly SemaphoreSlim _done = new(0);
        private IFuzzTarget? _target;
        private byte[] _input = [];
        private Outcome _outcome;
        private bool _stop;

        public Worker()
        {
            var thread = new Thread(Loop, maxStackSize: 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz-worker" };
            thread.Start();
        }

        public Outcome Execute(IFuzzTarget target, byte[] input, TimeSpan deadline)
        {
            _target = target;
            _input = input;
            _start.Release();
            return _done.Wait(deadline) ? _outcome : new Outcome(true, null, 0);
        }

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                if (_stop)
                {
                    return;
                }

                var before = GC.GetAllocatedBytesForCurrentThread();
                Exception? error = null;
                try
                {
                    _target!.Run(_input);
                }
#pragma warning disable CA1031 // the harness records every exception; deciding which are findings is its job
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    error = ex;
                }

                _outcome = new Outcome(false, error, GC.GetAllocatedBytesForCurrentThread() - before);
                _done.Release();
            }
        }

        public void Dispose()
        {
            _stop = true;
            _start.Release();
        }
    }
}
