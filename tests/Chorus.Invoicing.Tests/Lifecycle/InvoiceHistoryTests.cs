using Chorus.Invoicing.Lifecycle;
using Microsoft.Extensions.Time.Testing;

namespace Chorus.Invoicing.Tests.Lifecycle;

public class InvoiceHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FullRound_SuspendedCompletedRecycledPaid_EveryChangeStampedByTheClock()
    {
        var clock = new FakeTimeProvider(Start);
        var history = new InvoiceHistory(InvoiceStatus.Deposited, clock);

        Apply(history, clock, LifecycleAction.SetStatus(InvoiceStatus.MadeAvailable), LifecycleActor.Platform);
        Apply(history, clock, LifecycleAction.SetStatus(InvoiceStatus.Suspended), LifecycleActor.Recipient, reason: "PV de réception manquant");
        Apply(history, clock, LifecycleAction.Complete, LifecycleActor.Supplier);
        Apply(history, clock, LifecycleAction.SetStatus(InvoiceStatus.ToRecycle), LifecycleActor.Recipient);
        Apply(history, clock, LifecycleAction.Recycle, LifecycleActor.Supplier);
        Apply(history, clock, LifecycleAction.SetStatus(InvoiceStatus.ServiceDone), LifecycleActor.Recipient);
        Apply(history, clock, LifecycleAction.SetStatus(InvoiceStatus.PaymentReleased), LifecycleActor.Accountant);

        Assert.Equal(InvoiceStatus.PaymentReleased, history.Current);
        Assert.Equal(7, history.Changes.Count);
        Assert.Equal(Start.AddHours(1), history.Changes[0].At);
        Assert.Equal(Start.AddHours(7), history.Changes[^1].At);
        Assert.Equal("PV de réception manquant", history.Changes[1].Reason);
        Assert.Equal(InvoiceStatus.MadeAvailable, history.Changes[4].To);
    }

    [Fact]
    public void Apply_WrongActor_RefusedAndHistoryUnchanged()
    {
        var history = new InvoiceHistory(InvoiceStatus.MadeAvailable, new FakeTimeProvider(Start));
        var result = history.Apply(LifecycleAction.SetStatus(InvoiceStatus.Rejected), LifecycleActor.Supplier, reason: "x");

        Assert.False(result.IsApplied);
        Assert.Contains("DESTINATAIRE", result.Refusal, StringComparison.Ordinal);
        Assert.Empty(history.Changes);
        Assert.Equal(InvoiceStatus.MadeAvailable, history.Current);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Suspend_WithoutReason_Refused(string? reason)
    {
        var history = new InvoiceHistory(InvoiceStatus.MadeAvailable, new FakeTimeProvider(Start));
        var result = history.Apply(LifecycleAction.SetStatus(InvoiceStatus.Suspended), LifecycleActor.Recipient, reason: reason);

        Assert.False(result.IsApplied);
        Assert.Contains("requires a reason", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Reject_WithoutReason_Refused()
    {
        var history = new InvoiceHistory(InvoiceStatus.MadeAvailable, new FakeTimeProvider(Start));
        Assert.False(history.Apply(LifecycleAction.SetStatus(InvoiceStatus.Rejected), LifecycleActor.Recipient).IsApplied);
    }

    [Fact]
    public void IllegalAction_RefusedWithTheTablesReason()
    {
        var history = new InvoiceHistory(InvoiceStatus.Rejected, new FakeTimeProvider(Start));
        var result = history.Apply(LifecycleAction.Recycle, LifecycleActor.Supplier);

        Assert.False(result.IsApplied);
        Assert.Contains("new invoice with a new number", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void TraiterRejet_KeepsWhoHandledItAndWhen_StaysRejected_OnlyOnce()
    {
        var clock = new FakeTimeProvider(Start);
        var history = new InvoiceHistory(InvoiceStatus.MadeAvailable, clock);
        history.Apply(LifecycleAction.SetStatus(InvoiceStatus.Rejected), LifecycleActor.Recipient, "gestionnaire@mairie.fr", "taux de TVA erroné");
        Assert.True(history.AwaitsAcknowledgement);
        Assert.False(history.IsHandled);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(history.Apply(LifecycleAction.Acknowledge, LifecycleActor.Supplier, "compta@fournisseur.fr").IsApplied);
        Assert.False(history.AwaitsAcknowledgement);

        var handled = history.Apply(LifecycleAction.Handle, LifecycleActor.Supplier, "compta@fournisseur.fr");
        Assert.True(handled.IsApplied);
        Assert.Equal(InvoiceStatus.Rejected, history.Current);
        Assert.True(history.IsHandled);
        Assert.Equal("compta@fournisseur.fr", history.HandledBy!.PerformedBy);
        Assert.Equal(Start.AddDays(1), history.HandledBy.At);

        var again = history.Apply(LifecycleAction.Handle, LifecycleActor.Supplier, "autre@fournisseur.fr");
        Assert.False(again.IsApplied);
        Assert.Contains("already handled", again.Refusal, StringComparison.Ordinal);
        Assert.Contains("compta@fournisseur.fr", again.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullClock_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new InvoiceHistory(InvoiceStatus.Deposited, null!));

    private static void Apply(InvoiceHistory history, FakeTimeProvider clock, LifecycleAction action, LifecycleActor actor, string? reason = null)
    {
        clock.Advance(TimeSpan.FromHours(1));
        var result = history.Apply(action, actor, reason: reason);
        Assert.True(result.IsApplied, result.Refusal);
    }
}
