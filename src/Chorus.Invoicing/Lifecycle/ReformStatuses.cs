namespace Chorus.Invoicing.Lifecycle;

/// <summary>One reform lifecycle status with its code, French label and whether platforms must exchange it.</summary>
/// <param name="Status">The status (its numeric value is the code).</param>
/// <param name="Label">The French label of the specifications.</param>
/// <param name="Mandatory">True for the four statuses every platform must exchange: 200 Déposée, 210 Refusée, 212 Encaissée, 213 Rejetée.</param>
public sealed record ReformStatusInfo(ReformStatus Status, string Label, bool Mandatory)
{
    /// <summary>The published numeric code (200…).</summary>
    public int Code => (int)Status;
}

/// <summary>
/// The reform's lifecycle statuses. Sources: codes and labels 200–213 as listed in the French external specifications
/// (Dossier de spécifications externes de la facturation électronique, AIFE/DGFiP, lifecycle chapter), cross-checked
/// against two published implementations (NomaUBL "Invoice Status Codes", docs.nomana-it.fr, which also gives 214–228
/// and 501; Billit "Statusses Invoices when sending PA", docs.billit.be, which gives the mandatory/optional column).
/// Mandatory: déposée, rejetée, refusée, encaissée (domain.md §4; guide-plateforme-agreee.fr "Statuts d'une facture
/// électronique"); all others optional. The same code set is the AFNOR XP Z12-012 lifecycle (as NomaUBL's
/// "Retrieve Statuses" page calls it). Verified code by code: 200–213 labels agree across the sources, except that
/// NomaUBL spells 202 "Reçue de la plateforme" where the specifications say "Reçue par la plateforme" (kept); 214–228
/// and 501 come from NomaUBL only.
/// </summary>
public static class ReformStatuses
{
    private static readonly ReformStatusInfo[] Table =
    [
        new(ReformStatus.Deposited, "Déposée", true),
        new(ReformStatus.IssuedByPlatform, "Émise par la plateforme", false),
        new(ReformStatus.ReceivedByPlatform, "Reçue par la plateforme", false),
        new(ReformStatus.MadeAvailable, "Mise à disposition", false),
        new(ReformStatus.InHand, "Prise en charge", false),
        new(ReformStatus.Approved, "Approuvée", false),
        new(ReformStatus.PartiallyApproved, "Approuvée partiellement", false),
        new(ReformStatus.Disputed, "En litige", false),
        new(ReformStatus.Suspended, "Suspendue", false),
        new(ReformStatus.Completed, "Complétée", false),
        new(ReformStatus.Refused, "Refusée", true),
        new(ReformStatus.PaymentTransmitted, "Paiement transmis", false),
        new(ReformStatus.Cashed, "Encaissée", true),
        new(ReformStatus.Rejected, "Rejetée", true),
        new(ReformStatus.Endorsed, "Visée", false),
        new(ReformStatus.Cancelled, "Annulée", false),
        new(ReformStatus.RoutingError, "Erreur de routage", false),
        new(ReformStatus.DirectPaymentRequest, "Demande de paiement direct", false),
        new(ReformStatus.Factored, "Affacturée", false),
        new(ReformStatus.FactoredConfidential, "Affacturée confidentiel", false),
        new(ReformStatus.PaymentAccountChanged, "Changement de compte à payer", false),
        new(ReformStatus.NotFactored, "Non affacturée", false),
        new(ReformStatus.Inadmissible, "Irrecevable", false),
    ];

    private static readonly Dictionary<ReformStatus, ReformStatusInfo> ByStatus = Table.ToDictionary(i => i.Status);

    /// <summary>Every reform status, by code.</summary>
    public static IReadOnlyList<ReformStatusInfo> All => Table;

    /// <summary>The label and mandatory flag of <paramref name="status"/>.</summary>
    public static ReformStatusInfo Info(this ReformStatus status) =>
        ByStatus.TryGetValue(status, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(status), status, "not a reform status");

    /// <summary>True when platforms must exchange <paramref name="status"/>.</summary>
    public static bool IsMandatory(this ReformStatus status) => status.Info().Mandatory;

    /// <summary>Finds a status by its numeric code.</summary>
    public static bool TryFromCode(int code, out ReformStatus status)
    {
        status = (ReformStatus)code;
        return ByStatus.ContainsKey(status);
    }
}
