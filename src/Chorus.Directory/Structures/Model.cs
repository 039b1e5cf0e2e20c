using System.Collections.Immutable;
using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Structures;

/// <summary>A person's (or an information system's) account. Creating it is the first of the two steps since v3.8.1.</summary>
/// <param name="Id">The account.</param>
/// <param name="Email">The login address (a working mailbox: codes and password resets go there).</param>
/// <param name="IsActive">False once the account is closed.</param>
/// <param name="IsTechnical">True for a technical user (API connection of an information system).</param>
public sealed record UserAccount(UserId Id, string Email, bool IsActive = true, bool IsTechnical = false);

/// <summary>What a user may do on a structure.</summary>
public enum StructureRole
{
    /// <summary>Attached user: deposits and follows invoices.</summary>
    User = 0,

    /// <summary>Gestionnaire secondaire: validates attachments and subscriptions, opens spaces.</summary>
    SecondaryManager,

    /// <summary>Gestionnaire principal (GP): all of the above and the right "Organisation modification"; exactly one per structure.</summary>
    MainManager,
}

/// <summary>The spaces (espaces) a manager can open on a structure.</summary>
public enum SpaceKind
{
    /// <summary>Factures émises: invoices sent.</summary>
    InvoicesSent = 0,

    /// <summary>Factures reçues: invoices received.</summary>
    InvoicesReceived,

    /// <summary>Raccordement EDI/API: connection of an information system.</summary>
    EdiApiConnection,

    /// <summary>Factures de travaux: works invoices.</summary>
    WorksInvoices,

    /// <summary>Engagements juridiques: legal commitments.</summary>
    LegalCommitments,
}

/// <summary>
/// A structure (one SIRET or other identifier) as Chorus Pro keeps it: its members and their roles, pending attachment
/// requests, spaces and subscriptions, and the data a SIRET change does not carry over.
/// </summary>
public sealed record Structure
{
    /// <summary>The record's id.</summary>
    public required StructureId Id { get; init; }

    /// <summary>The identifier (SIRET for French companies).</summary>
    public required StructureIdentifier Identifier { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>False once deactivated (after a SIRET change, or by its managers).</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Attached users and their roles.</summary>
    public ImmutableDictionary<UserId, StructureRole> Members { get; init; } = ImmutableDictionary<UserId, StructureRole>.Empty;

    /// <summary>Users who asked to be attached and wait for a manager.</summary>
    public ImmutableHashSet<UserId> PendingAttachments { get; init; } = [];

    /// <summary>The spaces opened on the structure.</summary>
    public ImmutableHashSet<SpaceKind> Spaces { get; init; } = [];

    /// <summary>Validated subscriptions of users to spaces.</summary>
    public ImmutableHashSet<(UserId User, SpaceKind Space)> Subscriptions { get; init; } = [];

    /// <summary>Subscriptions waiting for a manager.</summary>
    public ImmutableHashSet<(UserId User, SpaceKind Space)> PendingSubscriptions { get; init; } = [];

    /// <summary>The structure's services (code → name), as published in the directory for public structures.</summary>
    public ImmutableDictionary<string, string> Services { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The billing mandate (mandat de facturation), if any: not carried over by a SIRET change.</summary>
    public string? BillingMandate { get; init; }

    /// <summary>The technical user of the API connection, if any: not carried over by a SIRET change.</summary>
    public UserId? TechnicalUser { get; init; }

    /// <summary>The connection (raccordement EDI/API) data, if any: not carried over by a SIRET change.</summary>
    public string? ConnectionData { get; init; }

    /// <summary>The PACAGE number of a farm, if any: not carried over by a SIRET change.</summary>
    public string? PacageNumber { get; init; }

    /// <summary>The structure this one was duplicated from by a SIRET change.</summary>
    public StructureId? FormerStructure { get; init; }

    /// <summary>The main manager, or <see langword="null"/> when there is none (the GP left without transferring the role).</summary>
    public UserId? MainManager
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.Value == StructureRole.MainManager)
                {
                    return member.Key;
                }
            }

            return null;
        }
    }

    /// <summary>True when <paramref name="user"/> is the main or a secondary manager.</summary>
    public bool IsManager(UserId user) => Members.TryGetValue(user, out var role) && role != StructureRole.User;
}

/// <summary>The administrative certificate support requires to appoint a main manager when the previous one left without transferring the role.</summary>
/// <param name="Structure">The structure it concerns.</param>
/// <param name="NewMainManager">The user it designates.</param>
/// <param name="SignedByHead">True when signed by the structure's head (legal representative).</param>
public sealed record AdministrativeCertificate(StructureId Structure, UserId NewMainManager, bool SignedByHead);
