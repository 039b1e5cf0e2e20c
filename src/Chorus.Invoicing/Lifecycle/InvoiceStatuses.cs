namespace Chorus.Invoicing.Lifecycle;

/// <summary>One Chorus Pro status with its published code and French label.</summary>
/// <param name="Status">The status.</param>
/// <param name="Code">The code the Chorus Pro API uses (upper snake case, e.g. <c>MISE_A_DISPOSITION</c>).</param>
/// <param name="Label">The French label shown on the portal (e.g. "Mise à disposition du destinataire").</param>
public sealed record InvoiceStatusInfo(InvoiceStatus Status, string Code, string Label);

/// <summary>The Chorus Pro invoice statuses with their codes and labels (sources on <see cref="InvoiceStatus"/>).</summary>
public static class InvoiceStatuses
{
    private static readonly InvoiceStatusInfo[] Table =
    [
        new(InvoiceStatus.Draft, "BROUILLON", "Brouillon"),
        new(InvoiceStatus.ToValidate1, "A_VALIDER_1", "À valider 1"),
        new(InvoiceStatus.SupplierErrorOnValidator, "ERREUR_FOURNISSEUR_SUR_VALIDEUR", "Erreur fournisseur sur valideur"),
        new(InvoiceStatus.Refused1, "REFUSEE_1", "Refusée 1"),
        new(InvoiceStatus.Validated1, "VALIDEE_1", "Validée 1"),
        new(InvoiceStatus.NoValidation1InTime, "ABSENCE_VALIDATION_1_HORS_DELAI", "Absence de validation 1 hors délai"),
        new(InvoiceStatus.ToValidate2, "A_VALIDER_2", "À valider 2"),
        new(InvoiceStatus.CoContractorErrorOnValidator, "ERREUR_COTRAITANT_SUR_VALIDEUR", "Erreur cotraitant sur valideur"),
        new(InvoiceStatus.Refused2, "REFUSEE_2", "Refusée 2"),
        new(InvoiceStatus.Validated2, "VALIDEE_2", "Validée 2"),
        new(InvoiceStatus.NoValidation2InTime, "ABSENCE_VALIDATION_2_HORS_DELAI", "Absence de validation 2 hors délai"),
        new(InvoiceStatus.Deposited, "DEPOSEE", "Déposée"),
        new(InvoiceStatus.SupplierErrorOnProjectManager, "ERREUR_FOURNISSEUR_SUR_MOE", "Erreur fournisseur sur MOE"),
        new(InvoiceStatus.Routing, "EN_COURS_ACHEMINEMENT", "En cours d'acheminement"),
        new(InvoiceStatus.MadeAvailable, "MISE_A_DISPOSITION", "Mise à disposition du destinataire"),
        new(InvoiceStatus.ToRecycle, "A_RECYCLER", "À recycler"),
        new(InvoiceStatus.Suspended, "SUSPENDUE", "Suspendue"),
        new(InvoiceStatus.Completed, "COMPLETEE", "Complétée"),
        new(InvoiceStatus.Rejected, "REJETEE", "Rejetée"),
        new(InvoiceStatus.ServiceDone, "SERVICE_FAIT", "Service fait"),
        new(InvoiceStatus.Mandated, "MANDATEE", "Mandatée"),
        new(InvoiceStatus.MadeAvailableToAccountant, "MISE_A_DISPOSITION_COMPTABLE", "Mise à disposition du comptable"),
        new(InvoiceStatus.Accounted, "COMPTABILISEE", "Comptabilisée"),
        new(InvoiceStatus.PaymentReleased, "MISE_EN_PAIEMENT", "Mise en paiement"),
    ];

    private static readonly Dictionary<string, InvoiceStatusInfo> ByCode = Table.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every status, in the order of the lifecycle (validation circuits, deposit and routing, processing, payment).</summary>
    public static IReadOnlyList<InvoiceStatusInfo> All => Table;

    /// <summary>The code and label of <paramref name="status"/>.</summary>
    public static InvoiceStatusInfo Info(this InvoiceStatus status) => Table[(int)status];

    /// <summary>The published code of <paramref name="status"/> (e.g. <c>A_RECYCLER</c>).</summary>
    public static string Code(this InvoiceStatus status) => Table[(int)status].Code;

    /// <summary>The French label of <paramref name="status"/> (e.g. "À recycler").</summary>
    public static string Label(this InvoiceStatus status) => Table[(int)status].Label;

    /// <summary>Finds a status by its published code (case-insensitive, surrounding spaces ignored).</summary>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a known status code.</returns>
    public static bool TryParse(string? code, out InvoiceStatus status)
    {
        if (code is not null && ByCode.TryGetValue(code.Trim(), out var info))
        {
            status = info.Status;
            return true;
        }

        status = default;
        return false;
    }

    /// <summary>Finds a status by its published code; throws <see cref="ArgumentException"/> naming the valid codes when unknown.</summary>
    public static InvoiceStatus Parse(string code) => TryParse(code, out var status)
        ? status
        : throw new ArgumentException($"unknown Chorus Pro status '{code}'; valid: {string.Join(", ", Table.Select(i => i.Code))}", nameof(code));
}
