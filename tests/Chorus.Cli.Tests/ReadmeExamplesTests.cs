using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary>The code examples of the repository README, kept compiling and asserted. Update both together.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Directory_Example()
    {
        var siret = Siret.Parse("732 829 320 00074");
        Assert.Equal("732829320", siret.Siren.ToString());
        Assert.Equal("FR44732829320", VatNumber.FromSiren(siret.Siren).ToString());
        var check = IdentifierClassifier.Check("73282932000075");
        Assert.Equal(IdentifierKind.Siret, check.Kind);
        Assert.False(check.IsValid);
        Assert.StartsWith("check digit mismatch", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_RoutingExample()
    {
        var directory = InMemoryPublicEntityDirectory.Load(TestData.PathOf("annuaire", "canonical-sample.csv"));
        var routing = directory.CheckRouting(Siret.Parse("73282932000074"), serviceCode: "COMPTA", engagement: null);
        Assert.False(routing.IsRoutable);
        var reason = Assert.Single(routing.Reasons());
        Assert.Equal("Wrong code service: the service 'COMPTA' of the structure 73282932000074 is inactive.", reason);
        Assert.Empty(directory.Diagnostics);
    }
}
