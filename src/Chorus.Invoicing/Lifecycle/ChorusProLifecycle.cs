using static Chorus.Invoicing.Lifecycle.InvoiceStatus;

namespace Chorus.Invoicing.Lifecycle;

/// <summary>
/// The Chorus Pro invoice lifecycle as ONE declared table of transitions (<see cref="Transitions"/>); every question
/// about what may happen next is answered by looking the table up, never by code elsewhere.
/// </summary>
/// <remarks>
/// Sources (communaute.chorus-pro.gouv.fr): "Rappel sur le cycle de vie des factures" (déposée → mise à disposition;
/// service fait, mandatée, mise à disposition du comptable and comptabilisée are optional; the accountant's mise en
/// paiement ends the cycle); "Comment traiter une facture qui m'est renvoyée" (à recycler = wrong recipient data, resent
/// with the same number; suspendue = missing documents, completed by the supplier; rejetée = wrong billing data, a new
/// invoice with a new number); "Votre facture a été rejetée" (acquitter, then "traiter le rejet" removes it from the
/// to-do list, traced in the user action history); the API service <c>recupererEtatsPossiblesPourTraitement</c> (from
/// MISE_A_DISPOSITION a recipient may set SUSPENDUE, REJETEE, MANDATEE, MISE_EN_PAIEMENT, COMPTABILISEE,
/// MISE_A_DISPOSITION_COMPTABLE, A_RECYCLER); "Traitement des statuts… Hélios" (statuses never go back, e.g. mandatée
/// after mise en paiement is an inconsistency; returning an invoice to the supplier is the ordonnateur's act).
/// Our reading where the sources are silent, marked "reading" below: the validation circuits of subcontractor and
/// co-contractor invoices (a validator's silence past the deadline lets the invoice go on, as tacit acceptance), and
/// which processing statuses still allow a return to the supplier.
/// </remarks>
public static class ChorusProLifecycle
{
    private static readonly LifecycleTransition[] Table = Build();

    // An index over the table, not a second source of truth (a scan of the table was ~20x slower, see benchmarks/README.md).
    private static readonly Dictionary<(InvoiceStatus, LifecycleAction), LifecycleTransition> ByKey = Table.ToDictionary(t => (t.From, t.Action));

    /// <summary>Every allowed transition. Anything not in this table is refused.</summary>
    public static IReadOnlyList<LifecycleTransition> Transitions => Table;

    /// <summary>Looks up <paramref name="action"/> from <paramref name="from"/>; a refusal carries a reason that names what is allowed instead.</summary>
    public static TransitionDecision Next(InvoiceStatus from, LifecycleAction action)
    {
        return ByKey.TryGetValue((from, action), out var row)
            ? new TransitionDecision(from, action, row, null)
            : new TransitionDecision(from, action, null, RefusalReason(from, action));
    }

    /// <summary>The transitions that start from <paramref name="from"/>, in table order.</summary>
    public static IReadOnlyList<LifecycleTransition> From(InvoiceStatus from) => Table.Where(t => t.From == from).ToArray();

    private static string RefusalReason(InvoiceStatus from, LifecycleAction action)
    {
        var hint = (action.Supplier, from) switch
        {
            (SupplierAction.Recycle, Rejected) => "a rejected invoice is never resent: issue a new invoice with a new number",
            (SupplierAction.Recycle, _) => "only an invoice À recycler (A_RECYCLER) can be recycled",
            (SupplierAction.Complete, _) => "only a suspended invoice (SUSPENDUE) can be completed",
            (SupplierAction.Handle, _) => "only a rejected invoice (REJETEE) can be handled (TRAITER)",
            (SupplierAction.Acknowledge, _) => "only a rejected or suspended invoice can be acknowledged",
            (null, Rejected) => "a rejected invoice stays rejected: the supplier handles it (TRAITER) and issues a new invoice with a new number",
            (null, PaymentReleased) => "the invoice is mise en paiement: the lifecycle is over",
            (null, Accounted) => "the invoice is comptabilisée: only the accountant's mise en paiement may follow",
            _ => null,
        };
        var allowed = From(from).Select(t => t.Action.Code).ToArray();
        var text = $"{action.Code} is not allowed on an invoice {from.Code()}";
        if (hint is not null)
        {
            text += ": " + hint;
        }

        return text + (allowed.Length == 0 ? " (no action is possible)" : $" (allowed: {string.Join(", ", allowed)})");
    }

    // The table. Columns: from, action, to, actor, reason required.
    private static LifecycleTransition[] Build()
    {
        const LifecycleActor Supplier = LifecycleActor.Supplier;
        const LifecycleActor Recipient = LifecycleActor.Recipient;
        const LifecycleActor Validator = LifecycleActor.Validator;
        const LifecycleActor Accountant = LifecycleActor.Accountant;
        const LifecycleActor Platform = LifecycleActor.Platform;
        static LifecycleTransition Set(InvoiceStatus from, InvoiceStatus to, LifecycleActor actor, bool reason = false) =>
            new(from, LifecycleAction.SetStatus(to), to, actor, reason);
        static LifecycleTransition Do(InvoiceStatus from, SupplierAction action, InvoiceStatus to) =>
            new(from, LifecycleAction.Of(action), to, LifecycleActor.Supplier, false);

        return
        [
            // Sending: a draft is deposited, or goes to the first validator (subcontractor / co-contractor invoices).
            Set(Draft, Deposited, Supplier),
            Set(Draft, ToValidate1, Supplier),

            // Validation circuit 1 (reading): the validator validates, refuses with a reason, or says it is not the right validator.
            Set(ToValidate1, Validated1, Validator),
            Set(ToValidate1, Refused1, Validator, reason: true),
            Set(ToValidate1, SupplierErrorOnValidator, Validator),
            Set(ToValidate1, NoValidation1InTime, Platform),
            Set(Validated1, ToValidate2, Platform),
            Set(Validated1, Deposited, Platform),
            Set(NoValidation1InTime, Deposited, Platform),

            // Validation circuit 2 (reading), same shape.
            Set(ToValidate2, Validated2, Validator),
            Set(ToValidate2, Refused2, Validator, reason: true),
            Set(ToValidate2, CoContractorErrorOnValidator, Validator),
            Set(ToValidate2, NoValidation2InTime, Platform),
            Set(Validated2, Deposited, Platform),
            Set(NoValidation2InTime, Deposited, Platform),

            // Deposit and routing, done by Chorus Pro. Works invoices (reading): the project manager (MOE) may answer that it is not theirs.
            Set(Deposited, Routing, Platform),
            Set(Deposited, MadeAvailable, Platform),
            Set(Deposited, SupplierErrorOnProjectManager, Validator),
            Set(Routing, MadeAvailable, Platform),

            // The recipient processes an invoice made available (or completed): return it to the supplier…
            Set(MadeAvailable, ToRecycle, Recipient),
            Set(MadeAvailable, Suspended, Recipient, reason: true),
            Set(MadeAvailable, Rejected, Recipient, reason: true),
            Set(Completed, ToRecycle, Recipient),
            Set(Completed, Suspended, Recipient, reason: true),
            Set(Completed, Rejected, Recipient, reason: true),

            // …or move it forward through the optional processing statuses, never backwards.
            Set(MadeAvailable, ServiceDone, Recipient),
            Set(MadeAvailable, Mandated, Recipient),
            Set(MadeAvailable, MadeAvailableToAccountant, Recipient),
            Set(MadeAvailable, Accounted, Accountant),
            Set(MadeAvailable, PaymentReleased, Accountant),
            Set(Completed, ServiceDone, Recipient),
            Set(Completed, Mandated, Recipient),
            Set(Completed, MadeAvailableToAccountant, Recipient),
            Set(Completed, Accounted, Accountant),
            Set(Completed, PaymentReleased, Accountant),
            Set(ServiceDone, Mandated, Recipient),
            Set(ServiceDone, MadeAvailableToAccountant, Recipient),
            Set(ServiceDone, Accounted, Accountant),
            Set(ServiceDone, PaymentReleased, Accountant),
            Set(Mandated, MadeAvailableToAccountant, Recipient),
            Set(Mandated, Accounted, Accountant),
            Set(Mandated, PaymentReleased, Accountant),
            Set(MadeAvailableToAccountant, Accounted, Accountant),
            Set(MadeAvailableToAccountant, PaymentReleased, Accountant),
            Set(Accounted, PaymentReleased, Accountant),

            // Reading: until the accountant has recorded it, the ordonnateur may still suspend or reject (not recycle: routing is settled).
            Set(ServiceDone, Suspended, Recipient, reason: true),
            Set(ServiceDone, Rejected, Recipient, reason: true),
            Set(Mandated, Suspended, Recipient, reason: true),
            Set(Mandated, Rejected, Recipient, reason: true),
            Set(MadeAvailableToAccountant, Suspended, Recipient, reason: true),
            Set(MadeAvailableToAccountant, Rejected, Recipient, reason: true),

            // The supplier's answers.
            Do(ToRecycle, SupplierAction.Recycle, MadeAvailable),   // same number; only SIRET, code service, engagement change
            Do(Suspended, SupplierAction.Complete, Completed),      // documents added
            Do(Rejected, SupplierAction.Handle, Rejected),          // stays rejected, leaves the to-do list
            Do(Rejected, SupplierAction.Acknowledge, Rejected),
            Do(Suspended, SupplierAction.Acknowledge, Suspended),

            // The same two supplier acts named by the status they lead to, as an API client reading statuses would ask.
            Set(ToRecycle, MadeAvailable, Supplier),
            Set(Suspended, Completed, Supplier),
        ];
    }
}
