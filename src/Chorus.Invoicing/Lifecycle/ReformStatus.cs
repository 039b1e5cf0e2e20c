namespace Chorus.Invoicing.Lifecycle;

/// <summary>
/// The lifecycle statuses exchanged between platforms in the 2026 French e-invoicing reform (codes 200–213 of the
/// external specifications, "Dossier de spécifications externes de la facturation électronique", and the additional
/// codes). The enum value is the published code. Labels and mandatory flags are in <see cref="ReformStatuses"/>.
/// </summary>
public enum ReformStatus
{
    /// <summary>200 "Déposée" (mandatory): the issuing platform accepted the invoice after its checks.</summary>
    Deposited = 200,

    /// <summary>201 "Émise par la plateforme": sent by the issuing platform.</summary>
    IssuedByPlatform = 201,

    /// <summary>202 "Reçue par la plateforme": received by the recipient's platform.</summary>
    ReceivedByPlatform = 202,

    /// <summary>203 "Mise à disposition": made available to the recipient.</summary>
    MadeAvailable = 203,

    /// <summary>204 "Prise en charge": the recipient has taken the invoice in hand.</summary>
    InHand = 204,

    /// <summary>205 "Approuvée": the recipient approves the invoice.</summary>
    Approved = 205,

    /// <summary>206 "Approuvée partiellement": the recipient approves part of the invoice.</summary>
    PartiallyApproved = 206,

    /// <summary>207 "En litige": the recipient disputes part or all of the invoice.</summary>
    Disputed = 207,

    /// <summary>208 "Suspendue": the recipient needs supporting documents or information.</summary>
    Suspended = 208,

    /// <summary>209 "Complétée": the supplier provided what the suspension asked for.</summary>
    Completed = 209,

    /// <summary>210 "Refusée" (mandatory): the recipient refuses the invoice (business refusal, with a reason).</summary>
    Refused = 210,

    /// <summary>211 "Paiement transmis": the recipient has sent the payment.</summary>
    PaymentTransmitted = 211,

    /// <summary>212 "Encaissée" (mandatory): the supplier received the payment (in full or in part).</summary>
    Cashed = 212,

    /// <summary>213 "Rejetée" (mandatory): a platform rejected the invoice (technical or compliance checks).</summary>
    Rejected = 213,

    /// <summary>214 "Visée": approved by an intermediate approver.</summary>
    Endorsed = 214,

    /// <summary>220 "Annulée": the invoice was cancelled.</summary>
    Cancelled = 220,

    /// <summary>221 "Erreur de routage": the invoice reached the wrong recipient or platform.</summary>
    RoutingError = 221,

    /// <summary>224 "Demande de paiement direct": a subcontractor asks for direct payment.</summary>
    DirectPaymentRequest = 224,

    /// <summary>225 "Affacturée": the receivable was assigned to a factor.</summary>
    Factored = 225,

    /// <summary>226 "Affacturée confidentiel": confidential factoring.</summary>
    FactoredConfidential = 226,

    /// <summary>227 "Changement de compte à payer": the account to be paid changed.</summary>
    PaymentAccountChanged = 227,

    /// <summary>228 "Non affacturée": the receivable is no longer factored.</summary>
    NotFactored = 228,

    /// <summary>501 "Irrecevable": the flow cannot be received (not an invoice, unreadable).</summary>
    Inadmissible = 501,
}
