namespace Chorus.Invoicing.Lifecycle;

/// <summary>What the supplier does to an invoice the recipient sent back (the actions that are not a status).</summary>
public enum SupplierAction
{
    /// <summary>RECYCLER: resend an invoice à recycler with corrected routing data (recipient SIRET, code service, engagement number) and the same invoice number.</summary>
    Recycle,

    /// <summary>COMPLETER: add the missing documents to a suspended invoice; it becomes complétée.</summary>
    Complete,

    /// <summary>TRAITER ("traiter le rejet"): mark a rejected invoice as handled; it stays rejetée, leaves the to-do list, and who handled it is kept.</summary>
    Handle,

    /// <summary>ACQUITTER: acknowledge a rejected or suspended invoice (read the reason); the status does not change.</summary>
    Acknowledge,
}

/// <summary>
/// An action on an invoice: either setting a status (what a recipient, validator, accountant or Chorus Pro does, named by
/// the status code, e.g. <c>SUSPENDUE</c>) or a <see cref="SupplierAction"/> (<c>RECYCLER</c>, <c>COMPLETER</c>,
/// <c>TRAITER</c>, <c>ACQUITTER</c>).
/// </summary>
public readonly record struct LifecycleAction
{
    private static readonly (SupplierAction Action, string Code)[] SupplierCodes =
    [
        (SupplierAction.Recycle, "RECYCLER"),
        (SupplierAction.Complete, "COMPLETER"),
        (SupplierAction.Handle, "TRAITER"),
        (SupplierAction.Acknowledge, "ACQUITTER"),
    ];

    private LifecycleAction(InvoiceStatus? status, SupplierAction? supplierAction)
    {
        TargetStatus = status;
        Supplier = supplierAction;
    }

    /// <summary>The status set by this action, or <see langword="null"/> for a supplier action.</summary>
    public InvoiceStatus? TargetStatus { get; }

    /// <summary>The supplier action, or <see langword="null"/> when this action sets a status.</summary>
    public SupplierAction? Supplier { get; }

    /// <summary>The code of the action: the status code (<c>A_RECYCLER</c>…) or the supplier action code (<c>RECYCLER</c>…).</summary>
    public string Code => TargetStatus is { } status ? status.Code()
        : Supplier is { } supplier ? SupplierCodes[(int)supplier].Code
        : string.Empty;   // default(LifecycleAction): no action

    /// <summary>The action that sets <paramref name="status"/>.</summary>
    public static LifecycleAction SetStatus(InvoiceStatus status) => new(status, null);

    /// <summary>The given supplier action.</summary>
    public static LifecycleAction Of(SupplierAction action) => new(null, action);

    /// <summary>RECYCLER: resend an invoice à recycler.</summary>
    public static LifecycleAction Recycle => Of(SupplierAction.Recycle);

    /// <summary>COMPLETER: complete a suspended invoice.</summary>
    public static LifecycleAction Complete => Of(SupplierAction.Complete);

    /// <summary>TRAITER: handle a rejected invoice.</summary>
    public static LifecycleAction Handle => Of(SupplierAction.Handle);

    /// <summary>ACQUITTER: acknowledge a rejected or suspended invoice.</summary>
    public static LifecycleAction Acknowledge => Of(SupplierAction.Acknowledge);

    /// <summary>Every valid action code: the supplier actions, then every status code.</summary>
    public static IReadOnlyList<string> AllCodes { get; } =
        [.. SupplierCodes.Select(c => c.Code), .. InvoiceStatuses.All.Select(s => s.Code)];

    /// <summary>Parses an action code: a supplier action (RECYCLER, COMPLETER, TRAITER, ACQUITTER) or a status code (case-insensitive).</summary>
    /// <returns><see langword="true"/> when <paramref name="code"/> names an action.</returns>
    public static bool TryParse(string? code, out LifecycleAction action)
    {
        var trimmed = code?.Trim();
        foreach (var (supplier, supplierCode) in SupplierCodes)
        {
            if (string.Equals(trimmed, supplierCode, StringComparison.OrdinalIgnoreCase))
            {
                action = Of(supplier);
                return true;
            }
        }

        if (InvoiceStatuses.TryParse(trimmed, out var status))
        {
            action = SetStatus(status);
            return true;
        }

        action = default;
        return false;
    }

    /// <summary>Parses an action code; throws <see cref="ArgumentException"/> naming the valid codes when unknown.</summary>
    public static LifecycleAction Parse(string code) => TryParse(code, out var action)
        ? action
        : throw new ArgumentException($"unknown lifecycle action '{code}'; valid: {string.Join(", ", AllCodes)}", nameof(code));

    /// <inheritdoc />
    public override string ToString() => Code;
}
