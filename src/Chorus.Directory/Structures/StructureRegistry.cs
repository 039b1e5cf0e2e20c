using System.Collections.Immutable;
using Chorus.Directory.Identifiers;
using Chorus.Directory.Internal;

namespace Chorus.Directory.Structures;

/// <summary>
/// The users and structures of Chorus Pro and the rules that link them (domain model only: no storage). Immutable: each
/// operation returns an <see cref="Outcome{T}"/> holding the new registry, or every reason the operation is refused.
/// </summary>
/// <remarks>
/// Rules: two-step account creation (user account, then a structure or an attachment request); the creator of a structure
/// becomes its main manager (GP); attachment requests and space subscriptions by simple users are validated by a manager;
/// the GP role is transferred only to users already attached, who get it at once (the former GP stays as a secondary
/// manager); a GP who left without transferring is replaced by support on an administrative certificate signed by the
/// structure's head; a SIRET change duplicates the structure under the new SIRET, deactivates the old one and copies
/// everything except the billing mandate, the technical user, the connection data and the PACAGE number.
/// </remarks>
public sealed class StructureRegistry
{
    private StructureRegistry(ImmutableDictionary<UserId, UserAccount> users, ImmutableDictionary<StructureId, Structure> structures)
    {
        Users = users;
        Structures = structures;
    }

    /// <summary>A registry with no users and no structures.</summary>
    public static StructureRegistry Empty { get; } = new(ImmutableDictionary<UserId, UserAccount>.Empty, ImmutableDictionary<StructureId, Structure>.Empty);

    /// <summary>The user accounts.</summary>
    public ImmutableDictionary<UserId, UserAccount> Users { get; }

    /// <summary>The structures, active or not.</summary>
    public ImmutableDictionary<StructureId, Structure> Structures { get; }

    /// <summary>Rebuilds a registry from state kept elsewhere (a database), without re-running the rules.</summary>
    public static StructureRegistry Create(IEnumerable<UserAccount> users, IEnumerable<Structure> structures) =>
        new(users.ToImmutableDictionary(u => u.Id), structures.ToImmutableDictionary(s => s.Id));

    /// <summary>The structures whose main manager is <paramref name="user"/>.</summary>
    public IReadOnlyList<StructureId> StructuresManagedBy(UserId user) =>
        Structures.Values.Where(s => s.MainManager == user).Select(s => s.Id).OrderBy(id => id.Value, StringComparer.Ordinal).ToList();

    /// <summary>Step 1 of account creation: a user account, attached to nothing yet.</summary>
    public Outcome<StructureRegistry> CreateUserAccount(UserAccount account)
    {
        var reasons = new List<string>();
        Guard.NotNull(account, nameof(account));

        if (Users.ContainsKey(account.Id))
        {
            reasons.Add($"A user account {account.Id} already exists.");
        }

        if (!IsEmailAddress(account.Email))
        {
            reasons.Add("The login address must be an e-mail address.");
        }

        return reasons.Count > 0 ? Refused(reasons) : Accept(Users.SetItem(account.Id, account), Structures);
    }

    /// <summary>Closes a user account (the person left). Their roles stay recorded until transferred or replaced.</summary>
    public Outcome<StructureRegistry> CloseUserAccount(UserId user)
    {
        if (!Users.TryGetValue(user, out var account))
        {
            return Refused([$"No user account {user}."]);
        }

        return Accept(Users.SetItem(user, account with { IsActive = false }), Structures);
    }

    /// <summary>Step 2, first way: the user creates a structure and becomes its main manager.</summary>
    public Outcome<StructureRegistry> CreateStructure(UserId creator, StructureId id, StructureIdentifier identifier, string name)
    {
        var reasons = new List<string>();
        RequireActiveUser(creator, reasons);
        if (Structures.ContainsKey(id))
        {
            reasons.Add($"A structure {id} already exists.");
        }

        if (ActiveStructureWith(identifier) is { } existing)
        {
            reasons.Add($"The structure {existing.Id} already has the identifier {identifier}: ask to be attached to it instead.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            reasons.Add("A structure needs a name.");
        }

        if (reasons.Count > 0)
        {
            return Refused(reasons);
        }

        var structure = new Structure
        {
            Id = id,
            Identifier = identifier,
            Name = name.Trim(),
            Members = ImmutableDictionary<UserId, StructureRole>.Empty.Add(creator, StructureRole.MainManager),
        };
        return Accept(Users, Structures.Add(id, structure));
    }

    /// <summary>Step 2, second way: the user asks to be attached to an existing structure; a manager decides.</summary>
    public Outcome<StructureRegistry> RequestAttachment(UserId user, StructureId structureId)
    {
        var reasons = new List<string>();
        RequireActiveUser(user, reasons);
        var structure = RequireActiveStructure(structureId, reasons);
        if (structure is not null && structure.Members.ContainsKey(user))
        {
            reasons.Add($"{user} is already attached to {structureId}.");
        }
        else if (structure is not null && structure.PendingAttachments.Contains(user))
        {
            reasons.Add($"{user} already asked to be attached to {structureId}; a manager must decide.");
        }

        return reasons.Count > 0 ? Refused(reasons) : With(structure! with { PendingAttachments = structure.PendingAttachments.Add(user) });
    }

    /// <summary>A main or secondary manager accepts or refuses an attachment request; an accepted user is attached as a simple user.</summary>
    public Outcome<StructureRegistry> DecideAttachment(UserId manager, UserId user, StructureId structureId, bool approve)
    {
        var reasons = new List<string>();
        var structure = RequireManager(manager, structureId, reasons);
        if (structure is not null && !structure.PendingAttachments.Contains(user))
        {
            reasons.Add($"{user} has no pending attachment request on {structureId}.");
        }

        if (reasons.Count > 0)
        {
            return Refused(reasons);
        }

        var pending = structure!.PendingAttachments.Remove(user);
        return With(approve
            ? structure with { PendingAttachments = pending, Members = structure.Members.SetItem(user, StructureRole.User) }
            : structure with { PendingAttachments = pending });
    }

    /// <summary>The main manager makes an attached user a secondary manager, or a secondary manager a simple user again.</summary>
    public Outcome<StructureRegistry> SetRole(UserId mainManager, UserId user, StructureId structureId, StructureRole role)
    {
        var reasons = new List<string>();
        var structure = RequireMainManager(mainManager, structureId, reasons);
        if (role == StructureRole.MainManager)
        {
            reasons.Add("The main manager role is given by a transfer, not set.");
        }

        if (user == mainManager)
        {
            reasons.Add("The main manager cannot change their own role: transfer it first.");
        }
        else if (structure is not null && !structure.Members.ContainsKey(user))
        {
            reasons.Add($"{user} is not attached to {structureId}.");
        }

        return reasons.Count > 0 ? Refused(reasons) : With(structure! with { Members = structure.Members.SetItem(user, role) });
    }

    /// <summary>
    /// Transfers the main manager role of some or all of <paramref name="from"/>'s structures, each to the user given for it
    /// (one user for all, or spread over several). Every receiver must already be attached to the structure and have an
    /// active account; they get the role at once and <paramref name="from"/> stays as a secondary manager. All or nothing.
    /// </summary>
    public Outcome<StructureRegistry> TransferMainManagerRole(UserId from, IReadOnlyDictionary<StructureId, UserId> receivers)
    {
        Guard.NotNull(receivers, nameof(receivers));

        var reasons = new List<string>();
        if (receivers.Count == 0)
        {
            reasons.Add("Name at least one structure to transfer.");
        }

        var structures = Structures;
        foreach (var pair in receivers.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            if (!Structures.TryGetValue(pair.Key, out var structure))
            {
                reasons.Add($"No structure {pair.Key}.");
                continue;
            }

            if (structure.MainManager != from)
            {
                reasons.Add($"{from} is not the main manager of {pair.Key}.");
            }

            if (pair.Value == from)
            {
                reasons.Add($"{from} cannot transfer {pair.Key} to themselves.");
            }
            else if (!structure.Members.ContainsKey(pair.Value))
            {
                reasons.Add($"{pair.Value} must already be attached to {pair.Key} to receive the main manager role.");
            }

            if (!Users.TryGetValue(pair.Value, out var receiver) || !receiver.IsActive)
            {
                reasons.Add($"{pair.Value} has no active user account.");
            }

            structures = structures.SetItem(pair.Key, structure with
            {
                Members = structure.Members.SetItem(from, StructureRole.SecondaryManager).SetItem(pair.Value, StructureRole.MainManager),
            });
        }

        return reasons.Count > 0 ? Refused(reasons) : Accept(Users, structures);
    }

    /// <summary>Transfers the main manager role of all of <paramref name="from"/>'s structures to one user.</summary>
    public Outcome<StructureRegistry> TransferAllMainManagerRoles(UserId from, UserId to)
    {
        var managed = StructuresManagedBy(from);
        return managed.Count == 0
            ? Refused([$"{from} is the main manager of no structure."])
            : TransferMainManagerRole(from, managed.ToDictionary(id => id, _ => to));
    }

    /// <summary>
    /// Support appoints a main manager when the previous one left without transferring the role (no main manager, or one
    /// whose account is closed), on an administrative certificate signed by the structure's head. The new main manager must
    /// have an active account; they are attached if they were not.
    /// </summary>
    public Outcome<StructureRegistry> AppointMainManagerBySupport(AdministrativeCertificate certificate)
    {
        Guard.NotNull(certificate, nameof(certificate));

        var reasons = new List<string>();
        Structures.TryGetValue(certificate.Structure, out var structure);
        if (structure is null)
        {
            reasons.Add($"No structure {certificate.Structure}.");
        }
        else if (structure.MainManager is { } current && Users.TryGetValue(current, out var account) && account.IsActive)
        {
            reasons.Add($"{certificate.Structure} has an active main manager ({current}): only they can transfer the role.");
        }

        if (!certificate.SignedByHead)
        {
            reasons.Add("The administrative certificate must be signed by the structure's head.");
        }

        if (!Users.TryGetValue(certificate.NewMainManager, out var appointee) || !appointee.IsActive)
        {
            reasons.Add($"The new main manager {certificate.NewMainManager} must have an active user account.");
        }

        if (reasons.Count > 0)
        {
            return Refused(reasons);
        }

        var members = structure!.Members;
        if (structure.MainManager is { } former)
        {
            members = members.SetItem(former, StructureRole.User);
        }

        return With(structure with { Members = members.SetItem(certificate.NewMainManager, StructureRole.MainManager) });
    }

    /// <summary>A manager opens a space on the structure.</summary>
    public Outcome<StructureRegistry> OpenSpace(UserId manager, StructureId structureId, SpaceKind space)
    {
        var reasons = new List<string>();
        var structure = RequireManager(manager, structureId, reasons);
        if (structure is not null && structure.Spaces.Contains(space))
        {
            reasons.Add($"The space {space} is already open on {structureId}.");
        }

        return reasons.Count > 0 ? Refused(reasons) : With(structure! with { Spaces = structure.Spaces.Add(space) });
    }

    /// <summary>An attached user subscribes to an open space: pending until a manager validates (a manager's own subscription is immediate).</summary>
    public Outcome<StructureRegistry> SubscribeToSpace(UserId user, StructureId structureId, SpaceKind space)
    {
        var reasons = new List<string>();
        RequireActiveUser(user, reasons);
        var structure = RequireActiveStructure(structureId, reasons);
        if (structure is not null)
        {
            if (!structure.Members.ContainsKey(user))
            {
                reasons.Add($"{user} is not attached to {structureId}.");
            }

            if (!structure.Spaces.Contains(space))
            {
                reasons.Add($"The space {space} is not open on {structureId}.");
            }

            if (structure.Subscriptions.Contains((user, space)) || structure.PendingSubscriptions.Contains((user, space)))
            {
                reasons.Add($"{user} already subscribed to {space} on {structureId}.");
            }
        }

        if (reasons.Count > 0)
        {
            return Refused(reasons);
        }

        return With(structure!.IsManager(user)
            ? structure with { Subscriptions = structure.Subscriptions.Add((user, space)) }
            : structure with { PendingSubscriptions = structure.PendingSubscriptions.Add((user, space)) });
    }

    /// <summary>A manager validates or refuses a pending subscription.</summary>
    public Outcome<StructureRegistry> DecideSubscription(UserId manager, UserId user, StructureId structureId, SpaceKind space, bool approve)
    {
        var reasons = new List<string>();
        var structure = RequireManager(manager, structureId, reasons);
        if (structure is not null && !structure.PendingSubscriptions.Contains((user, space)))
        {
            reasons.Add($"{user} has no pending subscription to {space} on {structureId}.");
        }

        if (reasons.Count > 0)
        {
            return Refused(reasons);
        }

        var pending = structure!.PendingSubscriptions.Remove((user, space));
        return With(approve
            ? structure with { PendingSubscriptions = pending, Subscriptions = structure.Subscriptions.Add((user, space)) }
            : structure with { PendingSubscriptions = pending });
    }

    /// <summary>A manager activates or deactivates the structure.</summary>
    public Outcome<StructureRegistry> SetActive(UserId manager, StructureId structureId, bool active)
    {
        var reasons = new List<string>();
        var structure = RequireManager(manager, structureId, reasons, requireActiveStructure: false);
        if (structure is not null && structure.IsActive == active)
        {
            reasons.Add($"{structureId} is already {(active ? "active" : "inactive")}.");
        }

        if (active && structure is not null && ActiveStructureWith(structure.Identifier) is { } other)
        {
            reasons.Add($"The structure {other.Id} is active with the same identifier {structure.Identifier}.");
        }

        return reasons.Count > 0 ? Refused(reasons) : With(structure! with { IsActive = active });
    }

    /// <summary>
    /// SIRET change, by the main manager: the structure is duplicated under <paramref name="newSiret"/> as
    /// <paramref name="newId"/> and the old one deactivated (its invoices stay viewable there). Everything is copied (data,
    /// services, users and roles, spaces, subscriptions) except the billing mandate, the technical user, the connection data
    /// and the PACAGE number; the new structure records the old one as <see cref="Structure.FormerStructure"/>.
    /// </summary>
    public Outcome<StructureRegistry> ChangeSiret(UserId mainManager, StructureId structureId, StructureId newId, Siret newSiret)
    {
        var reasons = new List<string>();
        var old = RequireMainManager(mainManager, structureId, reasons);
        var identifier = StructureIdentifier.FromSiret(newSiret);
        if (old is not null && old.Identifier.Type != StructureIdentifierType.Siret)
        {
            reasons.Add($"{structureId} is not identified by a SIRET.");
        }
        else if (old is not null && old.Identifier == identifier)
        {
            reasons.Add($"{structureId} already has the SIRET {newSiret}.");
        }

        if (Structures.ContainsKey(newId))
        {
            reasons.Add($"A structure {newId} already exists.");
        }

        if (ActiveStructureWith(identifier) is { } taken && taken.Id != structureId)
        {
            reasons.Add($"The structure {taken.Id} is already active with the SIRET {newSiret}.");
        }

        if (reasons.Count > 0)
        {
            return Refused(reasons);
        }

        var technical = old!.TechnicalUser;
        var copy = old with
        {
            Id = newId,
            Identifier = identifier,
            IsActive = true,
            FormerStructure = old.Id,
            BillingMandate = null,
            TechnicalUser = null,
            ConnectionData = null,
            PacageNumber = null,
            PendingAttachments = [],
            PendingSubscriptions = [],
            Members = technical is { } t ? old.Members.Remove(t) : old.Members,
            Subscriptions = technical is { } tu ? old.Subscriptions.Where(s => s.User != tu).ToImmutableHashSet() : old.Subscriptions,
        };
        return Accept(Users, Structures.SetItem(old.Id, old with { IsActive = false }).Add(newId, copy));
    }

    private static bool IsEmailAddress(string? text)
    {
        var at = text?.LastIndexOf('@') ?? -1;
        return at > 0 && at < text!.Length - 1 && text.Trim().Length == text.Length;
    }

    private Structure? ActiveStructureWith(StructureIdentifier identifier) =>
        Structures.Values.FirstOrDefault(s => s.IsActive && s.Identifier == identifier);

    private void RequireActiveUser(UserId user, List<string> reasons)
    {
        if (!Users.TryGetValue(user, out var account))
        {
            reasons.Add($"No user account {user}: create it first.");
        }
        else if (!account.IsActive)
        {
            reasons.Add($"The user account {user} is closed.");
        }
    }

    private Structure? RequireActiveStructure(StructureId id, List<string> reasons)
    {
        if (!Structures.TryGetValue(id, out var structure))
        {
            reasons.Add($"No structure {id}.");
            return null;
        }

        if (!structure.IsActive)
        {
            reasons.Add($"The structure {id} is inactive.");
        }

        return structure;
    }

    private Structure? RequireManager(UserId manager, StructureId id, List<string> reasons, bool requireActiveStructure = true)
    {
        RequireActiveUser(manager, reasons);
        Structure? structure;
        if (requireActiveStructure)
        {
            structure = RequireActiveStructure(id, reasons);
        }
        else if (!Structures.TryGetValue(id, out structure))
        {
            reasons.Add($"No structure {id}.");
        }

        if (structure is not null && !structure.IsManager(manager))
        {
            reasons.Add($"{manager} is not a manager of {id}.");
        }

        return structure;
    }

    private Structure? RequireMainManager(UserId manager, StructureId id, List<string> reasons)
    {
        RequireActiveUser(manager, reasons);
        var structure = RequireActiveStructure(id, reasons);
        if (structure is not null && structure.MainManager != manager)
        {
            reasons.Add($"{manager} is not the main manager of {id} (right \"Organisation modification\").");
        }

        return structure;
    }

    private Outcome<StructureRegistry> With(Structure structure) => Accept(Users, Structures.SetItem(structure.Id, structure));

    private static Outcome<StructureRegistry> Accept(ImmutableDictionary<UserId, UserAccount> users, ImmutableDictionary<StructureId, Structure> structures) =>
        new(new StructureRegistry(users, structures), []);

    private static Outcome<StructureRegistry> Refused(IReadOnlyList<string> reasons) => new(null, reasons);
}
