namespace Chorus.Invoicing.Lifecycle;

/// <summary>Who performs a lifecycle action. The published code of each actor is given by <see cref="LifecycleActors.Code"/>.</summary>
public enum LifecycleActor
{
    /// <summary>The supplier who issued the invoice (FOURNISSEUR): recycles, completes, handles a rejection.</summary>
    Supplier,

    /// <summary>The public recipient (DESTINATAIRE, the ordonnateur): makes the invoice à recycler, suspendue, rejetée, service fait, mandatée…</summary>
    Recipient,

    /// <summary>The validator of a subcontractor's or co-contractor's invoice (VALIDEUR): main contractor or agent.</summary>
    Validator,

    /// <summary>The public accountant (COMPTABLE): comptabilisée, mise en paiement.</summary>
    Accountant,

    /// <summary>Chorus Pro itself (PLATEFORME): routing, making available, validation deadlines.</summary>
    Platform,
}

/// <summary>Codes of <see cref="LifecycleActor"/>.</summary>
public static class LifecycleActors
{
    /// <summary>The upper-case French code of <paramref name="actor"/>: FOURNISSEUR, DESTINATAIRE, VALIDEUR, COMPTABLE or PLATEFORME.</summary>
    public static string Code(this LifecycleActor actor) => actor switch
    {
        LifecycleActor.Supplier => "FOURNISSEUR",
        LifecycleActor.Recipient => "DESTINATAIRE",
        LifecycleActor.Validator => "VALIDEUR",
        LifecycleActor.Accountant => "COMPTABLE",
        LifecycleActor.Platform => "PLATEFORME",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, "unknown actor"),
    };
}
