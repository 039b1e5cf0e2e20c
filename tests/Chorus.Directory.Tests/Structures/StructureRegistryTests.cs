using Chorus.Directory.Identifiers;
using Chorus.Directory.Structures;

namespace Chorus.Directory.Tests.Structures;

public class StructureRegistryTests
{
    private static readonly UserId Alice = new("alice"), Bob = new("bob"), Carol = new("carol"), Dave = new("dave"), Robot = new("robot");
    private static readonly StructureId Mairie = new("S1"), Ecole = new("S2"), Piscine = new("S3");
    private static readonly StructureIdentifier MairieSiret = StructureIdentifier.FromSiret(Siret.Parse("73282932000074"));
    private static readonly Siret NewSiret = Siret.Parse("55210055400013");

    /// <summary>Alice created three structures; Bob is attached to all of them, Carol to S2 only; Dave has an account only.</summary>
    private static StructureRegistry World()
    {
        var r = StructureRegistry.Empty;
        foreach (var u in new[] { Alice, Bob, Carol, Dave })
        {
            r = r.CreateUserAccount(new UserAccount(u, $"{u}@example.fr")).GetValueOrThrow();
        }

        r = r.CreateUserAccount(new UserAccount(Robot, "robot@example.fr", IsTechnical: true)).GetValueOrThrow();
        r = r.CreateStructure(Alice, Mairie, MairieSiret, "Mairie").GetValueOrThrow();
        r = r.CreateStructure(Alice, Ecole, StructureIdentifier.FromSiret(Siret.Parse("35600000000048")), "École").GetValueOrThrow();
        r = r.CreateStructure(Alice, Piscine, StructureIdentifier.Parse(StructureIdentifierType.Ridet, "1234567001"), "Piscine").GetValueOrThrow();
        foreach (var s in new[] { Mairie, Ecole, Piscine })
        {
            r = r.RequestAttachment(Bob, s).GetValueOrThrow().DecideAttachment(Alice, Bob, s, approve: true).GetValueOrThrow();
        }

        return r.RequestAttachment(Carol, Ecole).GetValueOrThrow().DecideAttachment(Alice, Carol, Ecole, approve: true).GetValueOrThrow();
    }

    private static void Refused(Outcome<StructureRegistry> outcome, string expected)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Null(outcome.Value);
        Assert.Contains(outcome.Reasons, r => r.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CreateUserAccount_Twice_Refused() =>
        Refused(World().CreateUserAccount(new UserAccount(Alice, "a@example.fr")), "already exists");

    [Fact]
    public void CreateUserAccount_NotAnEmail_Refused() =>
        Refused(StructureRegistry.Empty.CreateUserAccount(new UserAccount(Alice, "alice")), "e-mail address");

    [Fact]
    public void CreateStructure_CreatorBecomesMainManager()
    {
        var s = World().Structures[Mairie];
        Assert.Equal(Alice, s.MainManager);
        Assert.Equal(StructureRole.MainManager, s.Members[Alice]);
    }

    [Fact]
    public void CreateStructure_WithoutUserAccount_Refused_TwoSteps() =>
        Refused(StructureRegistry.Empty.CreateStructure(Alice, Mairie, MairieSiret, "Mairie"), "create it first");

    [Fact]
    public void CreateStructure_IdentifierAlreadyActive_Refused_AskToBeAttached() =>
        Refused(World().CreateStructure(Dave, new StructureId("S9"), MairieSiret, "Copie"), "ask to be attached");

    [Fact]
    public void RequestAttachment_IsPendingUntilAManagerDecides()
    {
        var r = World().RequestAttachment(Dave, Mairie).GetValueOrThrow();
        Assert.Contains(Dave, r.Structures[Mairie].PendingAttachments);
        Assert.False(r.Structures[Mairie].Members.ContainsKey(Dave));

        var accepted = r.DecideAttachment(Bob, Dave, Mairie, approve: true); // Bob is a simple user: not allowed
        Refused(accepted, "not a manager");

        var refused = r.DecideAttachment(Alice, Dave, Mairie, approve: false).GetValueOrThrow();
        Assert.Empty(refused.Structures[Mairie].PendingAttachments);
        Assert.False(refused.Structures[Mairie].Members.ContainsKey(Dave));
    }

    [Fact]
    public void DecideAttachment_BySecondaryManager_Allowed()
    {
        var r = World().SetRole(Alice, Bob, Mairie, StructureRole.SecondaryManager).GetValueOrThrow()
            .RequestAttachment(Dave, Mairie).GetValueOrThrow()
            .DecideAttachment(Bob, Dave, Mairie, approve: true).GetValueOrThrow();
        Assert.Equal(StructureRole.User, r.Structures[Mairie].Members[Dave]);
    }

    [Fact]
    public void RequestAttachment_AlreadyAttachedOrPending_Refused()
    {
        Refused(World().RequestAttachment(Bob, Mairie), "already attached");
        Refused(World().RequestAttachment(Dave, Mairie).GetValueOrThrow().RequestAttachment(Dave, Mairie), "already asked");
    }

    [Fact]
    public void SetRole_OnlyMainManager_AndNeverMainManagerRole()
    {
        Refused(World().SetRole(Bob, Carol, Ecole, StructureRole.SecondaryManager), "not the main manager");
        Refused(World().SetRole(Alice, Bob, Ecole, StructureRole.MainManager), "given by a transfer");
        Refused(World().SetRole(Alice, Dave, Ecole, StructureRole.SecondaryManager), "not attached");
    }

    [Fact]
    public void Transfer_PartOfStructures_ToAttachedUser_RoleGivenAtOnce_FormerStaysSecondary()
    {
        var r = World().TransferMainManagerRole(Alice, new Dictionary<StructureId, UserId> { [Mairie] = Bob }).GetValueOrThrow();
        Assert.Equal(Bob, r.Structures[Mairie].MainManager);
        Assert.Equal(StructureRole.SecondaryManager, r.Structures[Mairie].Members[Alice]);
        Assert.Equal(Alice, r.Structures[Ecole].MainManager);
        Assert.Equal([Ecole, Piscine], r.StructuresManagedBy(Alice));
    }

    [Fact]
    public void Transfer_AllToOneUser()
    {
        var r = World().TransferAllMainManagerRoles(Alice, Bob).GetValueOrThrow();
        Assert.Equal([Mairie, Ecole, Piscine], r.StructuresManagedBy(Bob));
        Assert.Empty(r.StructuresManagedBy(Alice));
    }

    [Fact]
    public void Transfer_AllSpreadOverSeveralUsers()
    {
        var r = World().TransferMainManagerRole(Alice, new Dictionary<StructureId, UserId> { [Mairie] = Bob, [Ecole] = Carol, [Piscine] = Bob })
            .GetValueOrThrow();
        Assert.Equal([Mairie, Piscine], r.StructuresManagedBy(Bob));
        Assert.Equal([Ecole], r.StructuresManagedBy(Carol));
    }

    [Fact]
    public void Transfer_ToUserNotAttached_RefusedAsAWhole()
    {
        var outcome = World().TransferMainManagerRole(Alice, new Dictionary<StructureId, UserId> { [Mairie] = Bob, [Piscine] = Carol });
        Refused(outcome, "carol must already be attached to S3");
        Assert.Single(outcome.Reasons);
    }

    [Fact]
    public void Transfer_ByNonMainManager_OrToClosedAccount_Refused()
    {
        Refused(World().TransferMainManagerRole(Bob, new Dictionary<StructureId, UserId> { [Mairie] = Carol }), "bob is not the main manager of S1");
        var closed = World().CloseUserAccount(Bob).GetValueOrThrow();
        Refused(closed.TransferAllMainManagerRoles(Alice, Bob), "bob has no active user account");
        Refused(World().TransferAllMainManagerRoles(Dave, Bob), "main manager of no structure");
    }

    [Fact]
    public void AppointBySupport_WhenMainManagerLeft_WithSignedCertificate_NewManagerNeedsActiveAccount()
    {
        var left = World().CloseUserAccount(Alice).GetValueOrThrow();
        var r = left.AppointMainManagerBySupport(new AdministrativeCertificate(Mairie, Dave, SignedByHead: true)).GetValueOrThrow();
        Assert.Equal(Dave, r.Structures[Mairie].MainManager);
        Assert.Equal(StructureRole.User, r.Structures[Mairie].Members[Alice]);

        Refused(left.AppointMainManagerBySupport(new AdministrativeCertificate(Mairie, Dave, SignedByHead: false)), "signed by the structure's head");
        Refused(left.CloseUserAccount(Dave).GetValueOrThrow().AppointMainManagerBySupport(new AdministrativeCertificate(Mairie, Dave, true)), "active user account");
    }

    [Fact]
    public void AppointBySupport_WhileMainManagerActive_Refused() =>
        Refused(World().AppointMainManagerBySupport(new AdministrativeCertificate(Mairie, Bob, true)), "only they can transfer");

    [Fact]
    public void Spaces_OpenedByManager_UserSubscribes_ManagerValidates()
    {
        var r = World();
        Refused(r.OpenSpace(Bob, Mairie, SpaceKind.InvoicesSent), "not a manager");
        Refused(r.SubscribeToSpace(Bob, Mairie, SpaceKind.InvoicesSent), "not open");

        r = r.OpenSpace(Alice, Mairie, SpaceKind.InvoicesSent).GetValueOrThrow()
            .SubscribeToSpace(Bob, Mairie, SpaceKind.InvoicesSent).GetValueOrThrow();
        Assert.Contains((Bob, SpaceKind.InvoicesSent), r.Structures[Mairie].PendingSubscriptions);
        Assert.Empty(r.Structures[Mairie].Subscriptions);

        r = r.DecideSubscription(Alice, Bob, Mairie, SpaceKind.InvoicesSent, approve: true).GetValueOrThrow();
        Assert.Contains((Bob, SpaceKind.InvoicesSent), r.Structures[Mairie].Subscriptions);
        Refused(r.SubscribeToSpace(Bob, Mairie, SpaceKind.InvoicesSent), "already subscribed");
        Refused(r.SubscribeToSpace(Dave, Mairie, SpaceKind.InvoicesSent), "not attached");
    }

    [Fact]
    public void Spaces_ManagerSubscription_Immediate()
    {
        var r = World().OpenSpace(Alice, Mairie, SpaceKind.InvoicesReceived).GetValueOrThrow()
            .SubscribeToSpace(Alice, Mairie, SpaceKind.InvoicesReceived).GetValueOrThrow();
        Assert.Contains((Alice, SpaceKind.InvoicesReceived), r.Structures[Mairie].Subscriptions);
    }

    [Fact]
    public void SetActive_ByManager_Deactivates_ThenNoNewAttachments()
    {
        var r = World().SetActive(Alice, Mairie, active: false).GetValueOrThrow();
        Assert.False(r.Structures[Mairie].IsActive);
        Refused(r.RequestAttachment(Dave, Mairie), "inactive");
        Refused(World().SetActive(Bob, Mairie, false), "not a manager");
        Assert.True(r.SetActive(Alice, Mairie, true).GetValueOrThrow().Structures[Mairie].IsActive);
    }

    private static StructureRegistry WithEverything()
    {
        var r = World().OpenSpace(Alice, Mairie, SpaceKind.EdiApiConnection).GetValueOrThrow()
            .SubscribeToSpace(Bob, Mairie, SpaceKind.EdiApiConnection).GetValueOrThrow()
            .DecideSubscription(Alice, Bob, Mairie, SpaceKind.EdiApiConnection, true).GetValueOrThrow();
        var s = r.Structures[Mairie];
        var members = s.Members.SetItem(Robot, StructureRole.User);
        return StructureRegistry.Create(r.Users.Values, r.Structures.Values.Where(x => x.Id != Mairie).Append(s with
        {
            Members = members,
            Subscriptions = s.Subscriptions.Add((Robot, SpaceKind.EdiApiConnection)),
            Services = s.Services.Add("FACT", "Facturier"),
            BillingMandate = "MANDAT-2024-1",
            TechnicalUser = Robot,
            ConnectionData = "EDI X400",
            PacageNumber = "012345678",
        }));
    }

    [Fact]
    public void ChangeSiret_DuplicatesUnderNewSiret_DeactivatesOld_KeepsLink()
    {
        var r = WithEverything().ChangeSiret(Alice, Mairie, new StructureId("S1b"), NewSiret).GetValueOrThrow();
        var old = r.Structures[Mairie];
        var copy = r.Structures[new StructureId("S1b")];

        Assert.False(old.IsActive);
        Assert.True(copy.IsActive);
        Assert.Equal(Mairie, copy.FormerStructure);
        Assert.Equal(StructureIdentifier.FromSiret(NewSiret), copy.Identifier);
        Assert.Equal(old.Name, copy.Name);
        Assert.Equal(old.Services, copy.Services);
        Assert.Equal(old.Spaces, copy.Spaces);
        Assert.Equal(Alice, copy.MainManager);
        Assert.Equal(StructureRole.User, copy.Members[Bob]);
        Assert.Contains((Bob, SpaceKind.EdiApiConnection), copy.Subscriptions);
    }

    [Fact]
    public void ChangeSiret_DoesNotCopyMandateTechnicalUserConnectionDataOrPacage()
    {
        var r = WithEverything().ChangeSiret(Alice, Mairie, new StructureId("S1b"), NewSiret).GetValueOrThrow();
        var old = r.Structures[Mairie];
        var copy = r.Structures[new StructureId("S1b")];

        Assert.Null(copy.BillingMandate);
        Assert.Null(copy.TechnicalUser);
        Assert.Null(copy.ConnectionData);
        Assert.Null(copy.PacageNumber);
        Assert.False(copy.Members.ContainsKey(Robot));
        Assert.DoesNotContain(copy.Subscriptions, s => s.User == Robot);
        Assert.Equal("MANDAT-2024-1", old.BillingMandate); // the old structure keeps its history
        Assert.Equal(Robot, old.TechnicalUser);
    }

    [Fact]
    public void ChangeSiret_Refusals()
    {
        var w = WithEverything();
        Refused(w.ChangeSiret(Bob, Mairie, new StructureId("S1b"), NewSiret), "not the main manager");
        Refused(w.ChangeSiret(Alice, Mairie, new StructureId("S1b"), Siret.Parse("73282932000074")), "already has the SIRET");
        Refused(w.ChangeSiret(Alice, Mairie, Ecole, NewSiret), "A structure S2 already exists");
        Refused(w.ChangeSiret(Alice, Mairie, new StructureId("S1b"), Siret.Parse("35600000000048")), "already active with the SIRET");
        Refused(w.ChangeSiret(Alice, Piscine, new StructureId("S3b"), NewSiret), "not identified by a SIRET");
    }

    [Fact]
    public void Operations_NeverChangeTheOriginalRegistry()
    {
        var before = World();
        _ = before.ChangeSiret(Alice, Mairie, new StructureId("S1b"), NewSiret).GetValueOrThrow();
        Assert.True(before.Structures[Mairie].IsActive);
        Assert.False(before.Structures.ContainsKey(new StructureId("S1b")));
    }
}
