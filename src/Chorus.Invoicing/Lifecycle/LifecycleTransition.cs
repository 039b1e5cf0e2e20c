namespace Chorus.Invoicing.Lifecycle;

/// <summary>One row of the Chorus Pro transition table: from a status, an action leads to a status, done by an actor.</summary>
/// <param name="From">The status the invoice is in.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The status after the action (equal to <paramref name="From"/> for TRAITER and ACQUITTER).</param>
/// <param name="Actor">Who may perform the action.</param>
/// <param name="ReasonRequired">Whether the action must carry a reason (motif), e.g. suspension and rejection.</param>
public sealed record LifecycleTransition(InvoiceStatus From, LifecycleAction Action, InvoiceStatus To, LifecycleActor Actor, bool ReasonRequired);

/// <summary>The answer to "what happens if <c>action</c> is applied to an invoice in status <c>from</c>?".</summary>
/// <param name="From">The current status.</param>
/// <param name="Action">The action asked for.</param>
/// <param name="Transition">The matching row of the table, or <see langword="null"/> when the action is not allowed.</param>
/// <param name="Reason">Why the action is refused, or <see langword="null"/> when it is allowed.</param>
public sealed record TransitionDecision(InvoiceStatus From, LifecycleAction Action, LifecycleTransition? Transition, string? Reason)
{
    /// <summary>True when the table has a row for this status and action.</summary>
    public bool IsAllowed => Transition is not null;

    /// <summary>The status after the action, or <see langword="null"/> when refused.</summary>
    public InvoiceStatus? To => Transition?.To;

    /// <summary>Who may perform the action, or <see langword="null"/> when refused.</summary>
    public LifecycleActor? Actor => Transition?.Actor;

    /// <summary>Whether the action must carry a reason (false when refused).</summary>
    public bool ReasonRequired => Transition?.ReasonRequired ?? false;
}
