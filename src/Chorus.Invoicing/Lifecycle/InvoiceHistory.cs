namespace Chorus.Invoicing.Lifecycle;

/// <summary>One applied action in an <see cref="InvoiceHistory"/>.</summary>
/// <param name="At">When it was applied (from the history's <see cref="TimeProvider"/>).</param>
/// <param name="From">The status before.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The status after.</param>
/// <param name="Actor">The role that performed it.</param>
/// <param name="PerformedBy">Who performed it (a user name or account), when given.</param>
/// <param name="Reason">The reason (motif) given, when any.</param>
public sealed record StatusChange(DateTimeOffset At, InvoiceStatus From, LifecycleAction Action, InvoiceStatus To, LifecycleActor Actor, string? PerformedBy, string? Reason);

/// <summary>The outcome of <see cref="InvoiceHistory.Apply"/>: the change recorded, or why the action was refused.</summary>
/// <param name="Change">The recorded change, or <see langword="null"/> when refused.</param>
/// <param name="Refusal">Why the action was refused, or <see langword="null"/> when applied.</param>
public sealed record ApplyResult(StatusChange? Change, string? Refusal)
{
    /// <summary>True when the action was applied and recorded.</summary>
    public bool IsApplied => Change is not null;
}

/// <summary>
/// The status history of one invoice: applies actions through the <see cref="ChorusProLifecycle"/> table, checking the
/// actor and the reason, stamping each change with the injected <see cref="TimeProvider"/>. Refused actions leave the
/// history unchanged and say why. Not thread-safe: one history per invoice, updated by one flow at a time.
/// </summary>
public sealed class InvoiceHistory
{
    private readonly TimeProvider _time;
    private readonly List<StatusChange> _changes = [];

    /// <summary>Starts a history in <paramref name="initial"/> (usually <see cref="InvoiceStatus.Deposited"/> or <see cref="InvoiceStatus.Draft"/>).</summary>
    /// <param name="initial">The first status.</param>
    /// <param name="time">The clock that stamps every change.</param>
    public InvoiceHistory(InvoiceStatus initial, TimeProvider time)
    {
        Initial = initial;
        Current = initial;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Started = time.GetUtcNow();
    }

    /// <summary>The status the history started in.</summary>
    public InvoiceStatus Initial { get; }

    /// <summary>When the history started.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>The current status.</summary>
    public InvoiceStatus Current { get; private set; }

    /// <summary>Every applied change, oldest first.</summary>
    public IReadOnlyList<StatusChange> Changes => _changes;

    /// <summary>True once the supplier has handled (TRAITER) the current rejection: the invoice has left their to-do list.</summary>
    public bool IsHandled => HandledBy is not null;

    /// <summary>The change that handled the current rejection (who and when), or <see langword="null"/>.</summary>
    public StatusChange? HandledBy { get; private set; }

    /// <summary>True when a reason-carrying action (suspension or rejection) is waiting for the supplier's acknowledgement (ACQUITTER).</summary>
    public bool AwaitsAcknowledgement { get; private set; }

    /// <summary>
    /// Applies <paramref name="action"/> performed by <paramref name="actor"/>. Refused when the table has no such
    /// transition from the current status, when another role must perform it, when a required reason is missing, or when a
    /// rejection was already handled.
    /// </summary>
    /// <param name="action">The action.</param>
    /// <param name="actor">The role performing it.</param>
    /// <param name="performedBy">Who performs it (kept in the history, e.g. who handled a rejection).</param>
    /// <param name="reason">The reason (motif); required for suspension, rejection and validator refusals.</param>
    public ApplyResult Apply(LifecycleAction action, LifecycleActor actor, string? performedBy = null, string? reason = null)
    {
        var decision = ChorusProLifecycle.Next(Current, action);
        if (decision.Transition is not { } transition)
        {
            return new ApplyResult(null, decision.Reason);
        }

        if (transition.Actor != actor)
        {
            return new ApplyResult(null, $"{action.Code} on an invoice {Current.Code()} is done by {transition.Actor.Code()}, not {actor.Code()}");
        }

        if (transition.ReasonRequired && string.IsNullOrWhiteSpace(reason))
        {
            return new ApplyResult(null, $"{action.Code} requires a reason (motif)");
        }

        if (action.Supplier == SupplierAction.Handle && HandledBy is { } handled)
        {
            return new ApplyResult(null, $"the rejection was already handled at {handled.At:O}{(handled.PerformedBy is null ? "" : " by " + handled.PerformedBy)}");
        }

        var change = new StatusChange(_time.GetUtcNow(), Current, action, transition.To, actor, performedBy, string.IsNullOrWhiteSpace(reason) ? null : reason);
        _changes.Add(change);
        if (transition.To != Current)
        {
            HandledBy = null;
        }

        AwaitsAcknowledgement = transition.ReasonRequired || (AwaitsAcknowledgement && transition.To == Current && action.Supplier != SupplierAction.Acknowledge);
        if (action.Supplier == SupplierAction.Handle)
        {
            HandledBy = change;
        }

        Current = transition.To;
        return new ApplyResult(change, null);
    }
}
