using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Annuaire;

/// <summary>What would make Chorus Pro send an invoice back "à recycler" (wrong routing data). Several may hold at once.</summary>
[Flags]
public enum RoutingProblems
{
    /// <summary>Routable.</summary>
    None = 0,

    /// <summary>No structure with this SIRET in the directory: wrong recipient.</summary>
    UnknownStructure = 1,

    /// <summary>The structure exists but is inactive: it receives no invoices.</summary>
    InactiveStructure = 2,

    /// <summary>The structure requires a code service (BT-10) and none was given.</summary>
    ServiceCodeMissing = 4,

    /// <summary>The code service given is not one of the structure's services.</summary>
    ServiceCodeUnknown = 8,

    /// <summary>The code service given exists but the service is inactive.</summary>
    ServiceInactive = 16,

    /// <summary>The structure requires an engagement number (BT-13) and none was given.</summary>
    EngagementMissing = 32,
}

/// <summary>
/// The verdict of a routing check. Routable means: the structure exists and is active; if its code service is mandatory
/// one is given; a given code service exists on the structure and is active; if the engagement number is mandatory one is
/// given. Otherwise <see cref="Problems"/> holds every problem found. A plain value: computing it allocates nothing.
/// </summary>
public readonly struct RoutingCheck : IEquatable<RoutingCheck>
{
    internal RoutingCheck(Siret siret, RoutingProblems problems, string? serviceCode)
    {
        Siret = siret;
        Problems = problems;
        ServiceCode = serviceCode;
    }

    /// <summary>The SIRET checked.</summary>
    public Siret Siret { get; }

    /// <summary>Every problem found, <see cref="RoutingProblems.None"/> when routable.</summary>
    public RoutingProblems Problems { get; }

    /// <summary>The code service checked (trimmed), or <see langword="null"/> when none was given.</summary>
    public string? ServiceCode { get; }

    /// <summary>True when the directory has a structure with this SIRET.</summary>
    public bool IsFound => (Problems & RoutingProblems.UnknownStructure) == 0;

    /// <summary>True when nothing would send the invoice back.</summary>
    public bool IsRoutable => Problems == RoutingProblems.None;

    /// <summary>
    /// Applies the routing rules to a structure found (or not) by any means: what
    /// <see cref="PublicEntityDirectoryExtensions.CheckRouting"/> does for a custom <see cref="IPublicEntityDirectory"/>.
    /// </summary>
    public static RoutingCheck Evaluate(Siret siret, PublicStructure? structure, string? serviceCode, string? engagement)
    {
        var code = Given(serviceCode);
        if (structure is null)
        {
            return new RoutingCheck(siret, RoutingProblems.UnknownStructure, code);
        }

        var problems = RoutingProblems.None;
        if (!structure.IsActive)
        {
            problems |= RoutingProblems.InactiveStructure;
        }

        if (code is null)
        {
            if (structure.ServiceCodeRequired)
            {
                problems |= RoutingProblems.ServiceCodeMissing;
            }
        }
        else
        {
            var service = structure.FindService(code);
            problems |= service is null ? RoutingProblems.ServiceCodeUnknown
                : service.IsActive ? RoutingProblems.None : RoutingProblems.ServiceInactive;
        }

        if (structure.EngagementRequired && Given(engagement) is null)
        {
            problems |= RoutingProblems.EngagementMissing;
        }

        return new RoutingCheck(siret, problems, code);
    }

    /// <summary>The value when given (trimmed), <see langword="null"/> for null, empty or blank.</summary>
    internal static string? Given(string? value)
    {
        if (value is null)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsWhiteSpace(value[i]))
            {
                return char.IsWhiteSpace(value[value.Length - 1]) || i > 0 ? value.Trim() : value;
            }
        }

        return null;
    }

    /// <summary>
    /// One sentence per problem, phrased as the reason Chorus Pro gives when it sends the invoice back "à recycler"
    /// (wrong recipient, code service missing or wrong, engagement number missing), in the order of <see cref="RoutingProblems"/>.
    /// </summary>
    public IReadOnlyList<string> Reasons()
    {
        if (Problems == RoutingProblems.None)
        {
            return [];
        }

        var reasons = new List<string>(2);
        var siret = Siret.ToString();
        if ((Problems & RoutingProblems.UnknownStructure) != 0)
        {
            reasons.Add($"Wrong recipient: no public structure with SIRET {siret} in the directory.");
        }

        if ((Problems & RoutingProblems.InactiveStructure) != 0)
        {
            reasons.Add($"Wrong recipient: the structure {siret} is inactive and receives no invoices.");
        }

        if ((Problems & RoutingProblems.ServiceCodeMissing) != 0)
        {
            reasons.Add($"Code service missing: the structure {siret} requires a code service (BT-10).");
        }

        if ((Problems & RoutingProblems.ServiceCodeUnknown) != 0)
        {
            reasons.Add($"Wrong code service: '{ServiceCode}' is not a service of the structure {siret}.");
        }

        if ((Problems & RoutingProblems.ServiceInactive) != 0)
        {
            reasons.Add($"Wrong code service: the service '{ServiceCode}' of the structure {siret} is inactive.");
        }

        if ((Problems & RoutingProblems.EngagementMissing) != 0)
        {
            reasons.Add($"Engagement number missing: the structure {siret} requires an engagement number (BT-13).");
        }

        return reasons;
    }

    /// <summary>"routable" or the reasons, one per line.</summary>
    public override string ToString() => IsRoutable ? $"{Siret}: routable" : $"{Siret}: " + string.Join(" ", Reasons());

    /// <inheritdoc />
    public bool Equals(RoutingCheck other) =>
        Siret == other.Siret && Problems == other.Problems && string.Equals(ServiceCode, other.ServiceCode, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RoutingCheck other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Siret, Problems, ServiceCode);

    /// <summary>Equality.</summary>
    public static bool operator ==(RoutingCheck left, RoutingCheck right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(RoutingCheck left, RoutingCheck right) => !left.Equals(right);
}
