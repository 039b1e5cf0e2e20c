using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;
using FsCheck;
using FsCheck.Fluent;

namespace Chorus.Directory.Tests.Annuaire;

public class RoutingCheckTests
{
    private static readonly Siret Open = Siret.Parse("73282932000074");
    private static readonly Siret Closed = Siret.Parse("55210055400013");
    private static readonly Siret Absent = Siret.Parse("35600000000048");

    private static readonly PublicStructure[] Structures =
    [
        new()
        {
            Identifier = StructureIdentifier.FromSiret(Open),
            Name = "Mairie",
            ServiceCodeRequired = true,
            EngagementRequired = true,
            Services = [new PublicService("FACT", "Facturier", true), new PublicService("ANCIEN", "Ancien service", false), new PublicService("ÉCOLE", "École", true)],
        },
        new()
        {
            Identifier = StructureIdentifier.FromSiret(Closed),
            Name = "Hôpital fermé",
            IsActive = false,
        },
    ];

    private static readonly InMemoryPublicEntityDirectory Directory = InMemoryPublicEntityDirectory.Create(Structures);

    [Theory]
    [InlineData("FACT", "EJ1", RoutingProblems.None)]
    [InlineData(" FACT ", "EJ1", RoutingProblems.None)]
    [InlineData("ÉCOLE", "EJ1", RoutingProblems.None)]
    [InlineData(null, "EJ1", RoutingProblems.ServiceCodeMissing)]
    [InlineData("  ", "EJ1", RoutingProblems.ServiceCodeMissing)]
    [InlineData("fact", "EJ1", RoutingProblems.ServiceCodeUnknown)]
    [InlineData("ANCIEN", "EJ1", RoutingProblems.ServiceInactive)]
    [InlineData("FACT", null, RoutingProblems.EngagementMissing)]
    [InlineData(null, "", RoutingProblems.ServiceCodeMissing | RoutingProblems.EngagementMissing)]
    [InlineData("INCONNU", " ", RoutingProblems.ServiceCodeUnknown | RoutingProblems.EngagementMissing)]
    public void CheckRouting_ActiveStructureWithMandatoryServiceAndEngagement_ReportsEveryProblem(string? service, string? engagement, RoutingProblems expected)
    {
        var check = Directory.CheckRouting(Open, service, engagement);
        Assert.Equal(expected, check.Problems);
        Assert.Equal(expected == RoutingProblems.None, check.IsRoutable);
        Assert.True(check.IsFound);
        Assert.Equal(BitCount(expected), check.Reasons().Count);
    }

    [Fact]
    public void CheckRouting_UnknownSiret_WrongRecipientOnly()
    {
        var check = Directory.CheckRouting(Absent, "FACT", "EJ");
        Assert.False(check.IsFound);
        Assert.Equal(RoutingProblems.UnknownStructure, check.Problems);
        Assert.Equal("Wrong recipient: no public structure with SIRET 35600000000048 in the directory.", Assert.Single(check.Reasons()));
    }

    [Fact]
    public void CheckRouting_InactiveStructureAndUnknownService_BothReported()
    {
        var check = Directory.CheckRouting(Closed, "X");
        Assert.Equal(RoutingProblems.InactiveStructure | RoutingProblems.ServiceCodeUnknown, check.Problems);
        Assert.Equal(
            ["Wrong recipient: the structure 55210055400013 is inactive and receives no invoices.",
             "Wrong code service: 'X' is not a service of the structure 55210055400013."],
            check.Reasons());
    }

    [Fact]
    public void CheckRouting_StructureWithoutRequirements_RoutableWithoutServiceOrEngagement()
    {
        var d = InMemoryPublicEntityDirectory.Create([new PublicStructure { Identifier = StructureIdentifier.FromSiret(Open), Name = "Libre" }]);
        Assert.True(d.CheckRouting(Open).IsRoutable);
    }

    /// <summary>A host's own directory (any IPublicEntityDirectory) gets the same verdicts as the in-memory index.</summary>
    private sealed class HostDirectory(IEnumerable<PublicStructure> structures) : IPublicEntityDirectory
    {
        private readonly Dictionary<Siret, PublicStructure> _bySiret = structures.ToDictionary(s => s.Siret!.Value);

        public PublicStructure? Find(Siret siret) => _bySiret.GetValueOrDefault(siret);
    }

    [Fact]
    public void CheckRouting_CustomDirectoryAndInMemory_AgreeOnEveryCombination()
    {
        IPublicEntityDirectory host = new HostDirectory(Structures);
        var property = Prop.ForAll(
            Gen.Elements(Open, Closed, Absent).ToArbitrary(),
            Gen.Elements<string?>(null, "", " ", "FACT", "ANCIEN", "ÉCOLE", "fact", "X").ToArbitrary(),
            Gen.Elements<string?>(null, "", "EJ1").ToArbitrary(),
            (siret, service, engagement) => host.CheckRouting(siret, service, engagement) == Directory.CheckRouting(siret, service, engagement));
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void CheckRouting_OnLoadedDirectory_AllocatesNothing()
    {
        var (bytes, structures) = AnnuaireFiles.Generate(1000, seed: 5);
        var directory = InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes));
        var sirets = structures.Select(s => Siret.Parse(s.Siret)).ToArray();
        var codes = structures.Select(s => s.Services.Keys.FirstOrDefault()).ToArray();
        for (var i = 0; i < sirets.Length; i++)
        {
            directory.CheckRouting(sirets[i], codes[i], "EJ"); // warm up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var routable = 0;
        for (var i = 0; i < sirets.Length; i++)
        {
            routable += directory.CheckRouting(sirets[i], codes[i], "EJ").IsRoutable ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(routable, 1, sirets.Length - 1);
    }

    private static int BitCount(RoutingProblems p)
    {
        var n = 0;
        for (var v = (int)p; v != 0; v &= v - 1)
        {
            n++;
        }

        return n;
    }
}
