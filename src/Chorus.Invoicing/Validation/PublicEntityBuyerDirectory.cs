using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;

namespace Chorus.Invoicing.Validation;

/// <summary>
/// The public-entity directory (<c>annuaire des structures publiques</c>, Chorus.Directory's
/// <see cref="IPublicEntityDirectory"/>) as the validator's <see cref="IBuyerDirectory"/>: the Chorus Pro rules then
/// report a missing code service (BT-10) or engagement number (BT-13) when the buyer's structure requires them.
/// </summary>
/// <example>
/// <code>
/// var annuaire = InMemoryPublicEntityDirectory.Load("annuaire.csv");
/// var validator = new InvoiceValidator(new PublicEntityBuyerDirectory(annuaire));
/// var result = validator.Validate(File.ReadAllBytes("invoice.xml"), InvoiceRuleSets.Chorus);
/// </code>
/// </example>
public sealed class PublicEntityBuyerDirectory : IBuyerDirectory
{
    private readonly IPublicEntityDirectory _directory;

    /// <summary>Wraps a loaded directory (or any host implementation of <see cref="IPublicEntityDirectory"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public PublicEntityBuyerDirectory(IPublicEntityDirectory directory)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
    }

    /// <inheritdoc/>
    /// <remarks>A value that is not a valid SIRET, or a structure the directory does not know, gives null (no requirement
    /// can be stated: CHORUS-05 reports an invalid SIRET).</remarks>
    public BuyerRequirements? Find(string siret)
    {
        if (!Siret.TryParse(siret, out var parsed) || _directory.Find(parsed) is not { } structure)
        {
            return null;
        }

        return new BuyerRequirements(structure.ServiceCodeRequired, structure.EngagementRequired);
    }
}
