namespace Chorus.Invoicing.Attachments;

/// <summary>How a billing file is deposited on Chorus Pro; each mode has its own total size limit.</summary>
public enum DepositMode
{
    /// <summary>Portal entry (saisie) or PDF upload: total ≤ 120 MB.</summary>
    Portal,

    /// <summary>API deposit: total ≤ 120 MB.</summary>
    Api,

    /// <summary>XML batch (lot de factures) on the portal: total ≤ 30 MB.</summary>
    XmlBatch,

    /// <summary>EDI flow: total ≤ 1 GB.</summary>
    Edi,
}
