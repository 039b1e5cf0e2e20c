using BenchmarkDotNet.Attributes;
using Chorus.Invoicing.Lifecycle;

namespace Chorus.Benchmarks.Invoicing;

/// <summary>
/// Looking a transition up in the declared table (a linear scan of about 60 rows) against a dictionary keyed by
/// (from, action) that a user might build from the same table: is the scan cheap enough to keep the table the only code?
/// </summary>
[MemoryDiagnoser]
public class LifecycleNextBenchmarks
{
    private static readonly Dictionary<(InvoiceStatus, LifecycleAction), LifecycleTransition> Index =
        ChorusProLifecycle.Transitions.ToDictionary(t => (t.From, t.Action));

    private static readonly LifecycleAction Recycle = LifecycleAction.Recycle;
    private static readonly LifecycleAction PayAction = LifecycleAction.SetStatus(InvoiceStatus.PaymentReleased);

    [Benchmark(Baseline = true)]
    public LifecycleTransition? DictionaryAllowed() => Index.TryGetValue((InvoiceStatus.Accounted, PayAction), out var t) ? t : null;

    [Benchmark]
    public bool TableAllowed() => ChorusProLifecycle.Next(InvoiceStatus.Accounted, PayAction).IsAllowed;

    [Benchmark]
    public bool TableRefusedWithReason() => ChorusProLifecycle.Next(InvoiceStatus.Rejected, Recycle).IsAllowed;
}
