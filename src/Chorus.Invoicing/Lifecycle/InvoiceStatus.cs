namespace Chorus.Invoicing.Lifecycle;

/// <summary>
/// The status of an invoice (demande de paiement of type FACTURE) in Chorus Pro. Each member's published code (upper
/// snake case, as the Chorus Pro API returns it) and French label are in <see cref="InvoiceStatuses"/>.
/// </summary>
/// <remarks>
/// Source of the set: the Chorus Pro API service <c>recupererEtatParTypeDemandePaiement</c> for type FACTURE
/// (communaute.chorus-pro.gouv.fr, "Récupérer état par type de demande de paiement"), which lists BROUILLON, the two
/// validation circuits (…_1, …_2), DEPOSEE, ERREUR_FOURNISSEUR_SUR_MOE, EN_COURS_ACHEMINEMENT, MISE_A_DISPOSITION,
/// A_RECYCLER, SUSPENDUE, REJETEE, MANDATEE, MISE_EN_PAIEMENT, COMPTABILISEE…; and the community article "Rappel sur le
/// cycle de vie des factures" (service fait, mandatée, mise à disposition du comptable, comptabilisée, mise en paiement).
/// </remarks>
public enum InvoiceStatus
{
    /// <summary>"Brouillon" (BROUILLON): saved by the supplier, not sent.</summary>
    Draft,

    /// <summary>"À valider 1" (A_VALIDER_1): a subcontractor's or co-contractor's invoice waiting for the first validator (main contractor or agent).</summary>
    ToValidate1,

    /// <summary>"Erreur fournisseur sur valideur" (ERREUR_FOURNISSEUR_SUR_VALIDEUR): the first validator says the supplier designated the wrong validator.</summary>
    SupplierErrorOnValidator,

    /// <summary>"Refusée 1" (REFUSEE_1): the first validator refused the invoice.</summary>
    Refused1,

    /// <summary>"Validée 1" (VALIDEE_1): the first validator validated the invoice.</summary>
    Validated1,

    /// <summary>"Absence de validation 1 hors délai" (ABSENCE_VALIDATION_1_HORS_DELAI): the first validator did not answer in time.</summary>
    NoValidation1InTime,

    /// <summary>"À valider 2" (A_VALIDER_2): waiting for the second validator.</summary>
    ToValidate2,

    /// <summary>"Erreur cotraitant sur valideur" (ERREUR_COTRAITANT_SUR_VALIDEUR): the second validator says the co-contractor designated the wrong validator.</summary>
    CoContractorErrorOnValidator,

    /// <summary>"Refusée 2" (REFUSEE_2): the second validator refused the invoice.</summary>
    Refused2,

    /// <summary>"Validée 2" (VALIDEE_2): the second validator validated the invoice.</summary>
    Validated2,

    /// <summary>"Absence de validation 2 hors délai" (ABSENCE_VALIDATION_2_HORS_DELAI): the second validator did not answer in time.</summary>
    NoValidation2InTime,

    /// <summary>"Déposée" (DEPOSEE): Chorus Pro certifies the invoice is in its database (transient).</summary>
    Deposited,

    /// <summary>"Erreur fournisseur sur MOE" (ERREUR_FOURNISSEUR_SUR_MOE): works invoice; the project manager (maîtrise d'œuvre) says the supplier designated the wrong MOE.</summary>
    SupplierErrorOnProjectManager,

    /// <summary>"En cours d'acheminement" (EN_COURS_ACHEMINEMENT): being routed to the recipient.</summary>
    Routing,

    /// <summary>"Mise à disposition du destinataire" (MISE_A_DISPOSITION): the recipient has the invoice in its space and may process it.</summary>
    MadeAvailable,

    /// <summary>"À recycler" (A_RECYCLER): the recipient found wrong routing data (SIRET, code service, engagement); the supplier may resend it with the same number.</summary>
    ToRecycle,

    /// <summary>"Suspendue" (SUSPENDUE): supporting documents are missing; the supplier completes it.</summary>
    Suspended,

    /// <summary>"Complétée" (COMPLETEE): the supplier added the missing documents to a suspended invoice.</summary>
    Completed,

    /// <summary>"Rejetée" (REJETEE): billing data are wrong; a new invoice with a new number must be issued. Last resort for the recipient.</summary>
    Rejected,

    /// <summary>"Service fait" (SERVICE_FAIT): the recipient certifies the service was done (optional).</summary>
    ServiceDone,

    /// <summary>"Mandatée" (MANDATEE): the recipient issued the payment order (mandat) (optional).</summary>
    Mandated,

    /// <summary>"Mise à disposition du comptable" (MISE_A_DISPOSITION_COMPTABLE): sent to the public accountant (optional).</summary>
    MadeAvailableToAccountant,

    /// <summary>"Comptabilisée" (COMPTABILISEE): the accountant recorded the invoice (optional).</summary>
    Accounted,

    /// <summary>"Mise en paiement" (MISE_EN_PAIEMENT): the accountant released the payment. Final.</summary>
    PaymentReleased,
}
