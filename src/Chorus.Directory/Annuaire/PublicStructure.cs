using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Annuaire;

/// <summary>A service of a public structure: the <c>code service</c> an invoice names in BT-10.</summary>
/// <param name="Code">The service code (<c>codeService</c>).</param>
/// <param name="Name">The service's name (<c>libelleService</c>).</param>
/// <param name="IsActive">False when the service is closed: an invoice addressed to it is sent back "à recycler".</param>
public sealed record PublicService(string Code, string Name, bool IsActive);

/// <summary>
/// A structure of the public-entity directory (annuaire des structures publiques): what a supplier must know to route an
/// invoice to it.
/// </summary>
public sealed record PublicStructure
{
    /// <summary>The structure's identifier and its type (almost always a SIRET).</summary>
    public required StructureIdentifier Identifier { get; init; }

    /// <summary>The name (<c>raisonSociale</c>).</summary>
    public required string Name { get; init; }

    /// <summary>False when the structure no longer receives invoices (<c>structureActive</c>).</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>True when every invoice must name one of its services in BT-10 (<c>codeServiceObligatoire</c>).</summary>
    public bool ServiceCodeRequired { get; init; }

    /// <summary>True when every invoice must carry an engagement number (EJ) in BT-13 (<c>engagementObligatoire</c>).</summary>
    public bool EngagementRequired { get; init; }

    /// <summary>True when the structure reports the "mise en paiement" status back (<c>miseEnPaiementRemontee</c>).</summary>
    public bool PaymentStatusReported { get; init; }

    /// <summary>True when the structure acts only as project owner (MOA) for works contracts (<c>moaUniquement</c>).</summary>
    public bool MoaOnly { get; init; }

    /// <summary>The structure's services, in directory order.</summary>
    public IReadOnlyList<PublicService> Services { get; init; } = [];

    /// <summary>The SIRET when the structure is identified by one.</summary>
    public Siret? Siret => Identifier.Siret;

    /// <summary>The service with this code (ordinal comparison), or <see langword="null"/>.</summary>
    public PublicService? FindService(string code)
    {
        foreach (var service in Services)
        {
            if (string.Equals(service.Code, code, StringComparison.Ordinal))
            {
                return service;
            }
        }

        return null;
    }
}
