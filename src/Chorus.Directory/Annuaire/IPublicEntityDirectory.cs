using Chorus.Directory.Identifiers;
using Chorus.Directory.Internal;

namespace Chorus.Directory.Annuaire;

/// <summary>
/// The public-entity directory as routing rules need it: the structure a SIRET designates, or nothing. Implement it to
/// plug in a directory kept elsewhere (a database, an API cache); <see cref="InMemoryPublicEntityDirectory"/> loads the
/// directory's CSV export. <see cref="PublicEntityDirectoryExtensions.CheckRouting"/> applies the routing rules to any
/// implementation.
/// </summary>
public interface IPublicEntityDirectory
{
    /// <summary>The structure identified by <paramref name="siret"/>, or <see langword="null"/> when the directory has none.</summary>
    PublicStructure? Find(Siret siret);
}

/// <summary>The routing check over any <see cref="IPublicEntityDirectory"/>.</summary>
public static class PublicEntityDirectoryExtensions
{
    /// <summary>
    /// Checks that an invoice addressed to <paramref name="siret"/>, with this code service (BT-10) and engagement number
    /// (BT-13), can be routed; see <see cref="RoutingCheck"/> for the rules.
    /// </summary>
    public static RoutingCheck CheckRouting(this IPublicEntityDirectory directory, Siret siret, string? serviceCode = null, string? engagement = null)
    {
        Guard.NotNull(directory, nameof(directory));

        return directory is InMemoryPublicEntityDirectory memory
            ? memory.CheckRouting(siret, serviceCode, engagement)
            : RoutingCheck.Evaluate(siret, directory.Find(siret), serviceCode, engagement);
    }
}
