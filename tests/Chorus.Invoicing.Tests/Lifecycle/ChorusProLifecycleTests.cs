using Chorus.Invoicing.Lifecycle;

namespace Chorus.Invoicing.Tests.Lifecycle;

/// <summary>
/// The Chorus Pro transition rules, one test per rule. Sources: communaute.chorus-pro.gouv.fr "Rappel sur le cycle de vie
/// des factures", "Comment traiter une facture qui m'est renvoyée", "Votre facture a été rejetée", the API services
/// recupererEtatParTypeDemandePaiement and recupererEtatsPossiblesPourTraitement, and the Hélios status article.
/// </summary>
public class ChorusProLifecycleTests
{
    private static TransitionDecision Next(string from, string action) =>
        ChorusProLifecycle.Next(InvoiceStatuses.Parse(from), LifecycleAction.Parse(action));

    private static void AssertAllowed(TransitionDecision d, string to, LifecycleActor actor, bool reasonRequired)
    {
        Assert.True(d.IsAllowed, d.Reason);
        Assert.Equal(to, d.To!.Value.Code());
        Assert.Equal(actor, d.Actor);
        Assert.Equal(reasonRequired, d.ReasonRequired);
        Assert.Null(d.Reason);
    }

    private static void AssertRefused(TransitionDecision d, string because)
    {
        Assert.False(d.IsAllowed);
        Assert.Null(d.To);
        Assert.Null(d.Actor);
        Assert.False(d.ReasonRequired);
        Assert.Contains(because, d.Reason, StringComparison.Ordinal);
    }

    // --- The recipient sends an invoice back (three statuses, three reasons) ---

    [Fact]
    public void ARecycler_RecipientFindsWrongRoutingData_NoReasonRequired() =>
        AssertAllowed(Next("MISE_A_DISPOSITION", "A_RECYCLER"), "A_RECYCLER", LifecycleActor.Recipient, reasonRequired: false);

    [Fact]
    public void Suspendue_RecipientMissesDocuments_ReasonRequired() =>
        AssertAllowed(Next("MISE_A_DISPOSITION", "SUSPENDUE"), "SUSPENDUE", LifecycleActor.Recipient, reasonRequired: true);

    [Fact]
    public void Rejetee_RecipientFindsWrongBillingData_ReasonRequired() =>
        AssertAllowed(Next("MISE_A_DISPOSITION", "REJETEE"), "REJETEE", LifecycleActor.Recipient, reasonRequired: true);

    [Fact]
    public void CompletedInvoice_IsProcessedLikeANewOne_CanBeSuspendedAgain() =>
        AssertAllowed(Next("COMPLETEE", "SUSPENDUE"), "SUSPENDUE", LifecycleActor.Recipient, reasonRequired: true);

    // --- The supplier's answers ---

    [Fact]
    public void Recycler_ARecyclerInvoice_GoesBackToMiseADisposition() =>
        AssertAllowed(Next("A_RECYCLER", "RECYCLER"), "MISE_A_DISPOSITION", LifecycleActor.Supplier, reasonRequired: false);

    [Fact]
    public void Completer_SuspendedInvoice_BecomesCompletee() =>
        AssertAllowed(Next("SUSPENDUE", "COMPLETER"), "COMPLETEE", LifecycleActor.Supplier, reasonRequired: false);

    [Fact]
    public void Traiter_RejectedInvoice_StaysRejetee() =>
        AssertAllowed(Next("REJETEE", "TRAITER"), "REJETEE", LifecycleActor.Supplier, reasonRequired: false);

    [Fact]
    public void Acquitter_RejectedOrSuspendedInvoice_StatusUnchanged()
    {
        AssertAllowed(Next("REJETEE", "ACQUITTER"), "REJETEE", LifecycleActor.Supplier, reasonRequired: false);
        AssertAllowed(Next("SUSPENDUE", "ACQUITTER"), "SUSPENDUE", LifecycleActor.Supplier, reasonRequired: false);
    }

    [Fact]
    public void SupplierActs_NamedByTheStatusTheyLeadTo_SameOutcome()
    {
        AssertAllowed(Next("A_RECYCLER", "MISE_A_DISPOSITION"), "MISE_A_DISPOSITION", LifecycleActor.Supplier, reasonRequired: false);
        AssertAllowed(Next("SUSPENDUE", "COMPLETEE"), "COMPLETEE", LifecycleActor.Supplier, reasonRequired: false);
    }

    // --- Refusals ---

    [Fact]
    public void Traiter_OnlyOnRejetee_RefusedOnMiseADisposition() =>
        AssertRefused(Next("MISE_A_DISPOSITION", "TRAITER"), "only a rejected invoice");

    [Fact]
    public void Recycler_RejectedInvoice_IsNeverResent_NewNumberNeeded() =>
        AssertRefused(Next("REJETEE", "RECYCLER"), "new invoice with a new number");

    [Fact]
    public void Completer_RejectedInvoice_Refused() =>
        AssertRefused(Next("REJETEE", "COMPLETER"), "only a suspended invoice");

    [Fact]
    public void Completer_ARecyclerInvoice_Refused_RecycleInstead() =>
        AssertRefused(Next("A_RECYCLER", "COMPLETER"), "allowed: RECYCLER");

    [Fact]
    public void Recycler_SuspendedInvoice_Refused_CompleteInstead() =>
        AssertRefused(Next("SUSPENDUE", "RECYCLER"), "allowed: COMPLETER");

    [Theory]
    [InlineData("A_RECYCLER")]
    [InlineData("SUSPENDUE")]
    [InlineData("REJETEE")]
    [InlineData("MANDATEE")]
    [InlineData("SERVICE_FAIT")]
    public void MiseEnPaiement_IsFinal_NothingFollows(string action) =>
        AssertRefused(Next("MISE_EN_PAIEMENT", action), "lifecycle is over");

    [Fact]
    public void Rejetee_StaysRejected_RecipientCannotMoveIt() =>
        AssertRefused(Next("REJETEE", "MISE_A_DISPOSITION"), "stays rejected");

    [Theory]
    [InlineData("MISE_EN_PAIEMENT", "MANDATEE")]   // the Hélios article's example of an inconsistency
    [InlineData("COMPTABILISEE", "SERVICE_FAIT")]
    [InlineData("MANDATEE", "SERVICE_FAIT")]
    [InlineData("MISE_A_DISPOSITION_COMPTABLE", "MANDATEE")]
    public void ProcessingStatuses_NeverGoBackwards(string from, string action) =>
        Assert.False(Next(from, action).IsAllowed);

    [Fact]
    public void ARecycler_AfterServiceFait_Refused_RoutingIsSettled() =>
        Assert.False(Next("SERVICE_FAIT", "A_RECYCLER").IsAllowed);

    // --- Optional processing statuses ---

    [Theory]
    [InlineData("MISE_A_DISPOSITION", "SERVICE_FAIT", LifecycleActor.Recipient)]
    [InlineData("SERVICE_FAIT", "MANDATEE", LifecycleActor.Recipient)]
    [InlineData("MANDATEE", "MISE_A_DISPOSITION_COMPTABLE", LifecycleActor.Recipient)]
    [InlineData("MISE_A_DISPOSITION_COMPTABLE", "COMPTABILISEE", LifecycleActor.Accountant)]
    [InlineData("COMPTABILISEE", "MISE_EN_PAIEMENT", LifecycleActor.Accountant)]
    public void OptionalStatuses_InOrder_Allowed(string from, string action, LifecycleActor actor) =>
        AssertAllowed(Next(from, action), action, actor, reasonRequired: false);

    [Fact]
    public void OptionalStatuses_MayBeSkipped_MiseADispositionStraightToMiseEnPaiement() =>
        AssertAllowed(Next("MISE_A_DISPOSITION", "MISE_EN_PAIEMENT"), "MISE_EN_PAIEMENT", LifecycleActor.Accountant, reasonRequired: false);

    [Fact]
    public void FromMiseADisposition_RecipientMaySet_ExactlyWhatTheChorusProApiLists()
    {
        // recupererEtatsPossiblesPourTraitement for statutCourant MISE_A_DISPOSITION returns these (besides the current
        // status itself); SERVICE_FAIT comes from the "Rappel sur le cycle de vie des factures" article.
        string[] api = ["SUSPENDUE", "REJETEE", "MANDATEE", "MISE_EN_PAIEMENT", "COMPTABILISEE", "MISE_A_DISPOSITION_COMPTABLE", "A_RECYCLER"];
        var ours = ChorusProLifecycle.From(InvoiceStatus.MadeAvailable).Select(t => t.Action.Code).ToHashSet();
        Assert.Equal(api.Append("SERVICE_FAIT").Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // --- Deposit, routing and validation circuits ---

    [Fact]
    public void Deposee_PlatformRoutesAndMakesAvailable()
    {
        AssertAllowed(Next("DEPOSEE", "EN_COURS_ACHEMINEMENT"), "EN_COURS_ACHEMINEMENT", LifecycleActor.Platform, false);
        AssertAllowed(Next("EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION"), "MISE_A_DISPOSITION", LifecycleActor.Platform, false);
    }

    [Fact]
    public void SubcontractorInvoice_ValidatorRefuses_ReasonRequired() =>
        AssertAllowed(Next("A_VALIDER_1", "REFUSEE_1"), "REFUSEE_1", LifecycleActor.Validator, reasonRequired: true);

    [Fact]
    public void SubcontractorInvoice_ValidatorValidates_ThenDeposited()
    {
        AssertAllowed(Next("A_VALIDER_1", "VALIDEE_1"), "VALIDEE_1", LifecycleActor.Validator, false);
        AssertAllowed(Next("VALIDEE_1", "DEPOSEE"), "DEPOSEE", LifecycleActor.Platform, false);
    }

    [Fact]
    public void SubcontractorInvoice_RecipientCannotSeeItBeforeValidation() =>
        Assert.False(Next("A_VALIDER_1", "MISE_A_DISPOSITION").IsAllowed);

    // --- The table itself ---

    [Fact]
    public void Table_HasOneRowPerStatusAndAction()
    {
        var keys = ChorusProLifecycle.Transitions.Select(t => (t.From, t.Action)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Table_StatusActionsLeadToTheirStatus_SupplierActionsAreTheSupplier()
    {
        Assert.All(ChorusProLifecycle.Transitions, t =>
        {
            if (t.Action.TargetStatus is { } target)
            {
                Assert.Equal(target, t.To);
            }
            else
            {
                Assert.Equal(LifecycleActor.Supplier, t.Actor);
            }
        });
    }

    [Fact]
    public void Table_ReasonRequired_ExactlyForSuspensionRejectionAndValidatorRefusals()
    {
        var withReason = ChorusProLifecycle.Transitions.Where(t => t.ReasonRequired).Select(t => t.To).Distinct().Order().ToArray();
        Assert.Equal([InvoiceStatus.Refused1, InvoiceStatus.Refused2, InvoiceStatus.Suspended, InvoiceStatus.Rejected], withReason);
    }

    [Fact]
    public void EveryRefusal_SaysWhy_AndListsTheAllowedActions()
    {
        foreach (var from in Enum.GetValues<InvoiceStatus>())
        {
            foreach (var code in LifecycleAction.AllCodes)
            {
                var d = ChorusProLifecycle.Next(from, LifecycleAction.Parse(code));
                if (!d.IsAllowed)
                {
                    Assert.False(string.IsNullOrWhiteSpace(d.Reason));
                    Assert.Contains(from.Code(), d.Reason, StringComparison.Ordinal);
                }
            }
        }
    }
}
