namespace Chorus.Invoicing.Lifecycle;

/// <summary>Which way a row of <see cref="ReformMapping"/> may be read.</summary>
public enum MappingDirection
{
    /// <summary>The two statuses mean the same thing: map either way.</summary>
    Both,

    /// <summary>The Chorus Pro status implies the reform status, but the reform status does not imply this Chorus Pro status (several Chorus Pro statuses share it).</summary>
    ToReformOnly,
}

/// <summary>One row of the Chorus Pro ↔ reform status mapping.</summary>
/// <param name="ChorusPro">The Chorus Pro status.</param>
/// <param name="Reform">The reform status.</param>
/// <param name="Direction">Which way the row may be read.</param>
/// <param name="Note">Why these two correspond.</param>
public sealed record StatusMapping(InvoiceStatus ChorusPro, ReformStatus Reform, MappingDirection Direction, string Note);

/// <summary>
/// The mapping between Chorus Pro statuses and the reform's lifecycle statuses, as one table. There is no official
/// correspondence table: each row pairs the definitions of the two sources (Chorus Pro: communaute.chorus-pro.gouv.fr
/// "Rappel sur le cycle de vie des factures"; reform: the external specifications' lifecycle statuses, see
/// <see cref="ReformStatuses"/>). Statuses with no counterpart map to <see langword="null"/>: the Chorus Pro validation
/// circuits, drafts and accounting steps; the reform's platform hops (202), partial approval (206), dispute (207),
/// cashing (212, a supplier-side status Chorus Pro never sets) and platform rejection (213).
/// </summary>
public static class ReformMapping
{
    private static readonly StatusMapping[] Table =
    [
        new(InvoiceStatus.Deposited, ReformStatus.Deposited, MappingDirection.Both, "accepted by the platform after its checks"),
        new(InvoiceStatus.Routing, ReformStatus.IssuedByPlatform, MappingDirection.Both, "sent on by the platform towards the recipient"),
        new(InvoiceStatus.MadeAvailable, ReformStatus.MadeAvailable, MappingDirection.Both, "the recipient can see and process it"),
        new(InvoiceStatus.ToRecycle, ReformStatus.RoutingError, MappingDirection.Both, "wrong routing data (recipient, code service, engagement)"),
        new(InvoiceStatus.Suspended, ReformStatus.Suspended, MappingDirection.Both, "documents or information missing"),
        new(InvoiceStatus.Completed, ReformStatus.Completed, MappingDirection.Both, "the supplier completed a suspended invoice"),
        // Trap: Chorus Pro's REJETEE is the recipient's refusal of wrong billing data, i.e. the reform's 210 Refusée;
        // the reform's 213 Rejetée is a platform's technical rejection, which Chorus Pro reports on the flow, not the invoice.
        new(InvoiceStatus.Rejected, ReformStatus.Refused, MappingDirection.Both, "the recipient refuses the invoice; a new invoice is needed"),
        new(InvoiceStatus.ServiceDone, ReformStatus.Approved, MappingDirection.Both, "the recipient certifies the service and approves the invoice"),
        new(InvoiceStatus.Mandated, ReformStatus.Approved, MappingDirection.ToReformOnly, "a payment order implies approval"),
        new(InvoiceStatus.MadeAvailableToAccountant, ReformStatus.Approved, MappingDirection.ToReformOnly, "sent to the accountant for payment implies approval"),
        new(InvoiceStatus.Accounted, ReformStatus.Approved, MappingDirection.ToReformOnly, "recorded for payment implies approval"),
        new(InvoiceStatus.PaymentReleased, ReformStatus.PaymentTransmitted, MappingDirection.Both, "the payer released the payment"),
    ];

    /// <summary>Every row of the mapping.</summary>
    public static IReadOnlyList<StatusMapping> Rows => Table;

    /// <summary>The reform status that <paramref name="status"/> corresponds to, or <see langword="null"/> when there is none.</summary>
    public static ReformStatus? ToReform(InvoiceStatus status)
    {
        foreach (var row in Table)
        {
            if (row.ChorusPro == status)
            {
                return row.Reform;
            }
        }

        return null;
    }

    /// <summary>The Chorus Pro status that <paramref name="status"/> corresponds to (rows readable both ways), or <see langword="null"/> when there is none.</summary>
    public static InvoiceStatus? ToChorusPro(ReformStatus status)
    {
        foreach (var row in Table)
        {
            if (row.Reform == status && row.Direction == MappingDirection.Both)
            {
                return row.ChorusPro;
            }
        }

        return null;
    }
}
