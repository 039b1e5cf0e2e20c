using System.Text;
using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;
using Chorus.Tests.Shared;

namespace Chorus.Directory.Tests.Annuaire;

public class AnnuaireLoaderTests
{
    private static readonly Siret Michelin = Siret.Parse("73282932000074");
    private static readonly Siret Hospital = Siret.Parse("55210055400013");
    private static readonly Siret LaPosteEstablishment = Siret.Parse("35600000049837");

    private static InMemoryPublicEntityDirectory Sample() =>
        InMemoryPublicEntityDirectory.Load(TestData.PathOf("annuaire", "canonical-sample.csv"));

    [Fact]
    public void Load_CanonicalSample_ColumnsInAnyOrderBomCrlf_ReadsEveryStructure()
    {
        var directory = Sample();

        Assert.Equal(3, directory.Count);
        Assert.Equal(3, directory.ServiceCount);
        Assert.Empty(directory.Diagnostics);
        var michelin = directory.Find(Michelin)!;
        Assert.Equal("Commune de Saint-Étienne; \"annexe\"", michelin.Name);
        Assert.True(michelin.IsActive);
        Assert.True(michelin.ServiceCodeRequired);
        Assert.False(michelin.EngagementRequired);
        Assert.True(michelin.PaymentStatusReported);
        Assert.False(michelin.MoaOnly);
        Assert.Equal([new PublicService("FACTURES", "Service facturier", true), new PublicService("COMPTA", "Comptabilité", false)], michelin.Services);
        Assert.Equal(StructureIdentifierType.Siret, michelin.Identifier.Type);
        Assert.Equal(Michelin, michelin.Siret);
    }

    [Fact]
    public void Load_StructureWithoutServices_HasEmptyServiceList()
    {
        var hospital = Sample().Find(Hospital)!;
        Assert.Empty(hospital.Services);
        Assert.True(hospital.EngagementRequired);
        Assert.Equal("Hôpital sans services", hospital.Name);
    }

    [Fact]
    public void Load_LaPosteEstablishment_AcceptedByDigitSumRule()
    {
        var laPoste = Sample().Find(LaPosteEstablishment)!;
        Assert.False(laPoste.IsActive);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("oui", true)]
    [InlineData("OUI", true)]
    [InlineData("1", true)]
    [InlineData(" True ", true)]
    [InlineData("false", false)]
    [InlineData("Non", false)]
    [InlineData("0", false)]
    public void Load_Booleans_AllContractSpellingsCaseInsensitive(string text, bool expected)
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;X;{text};0;0;0;0;;;\n";
        var s = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv)).Find(Michelin)!;
        Assert.Equal(expected, s.IsActive);
    }

    [Fact]
    public void Load_QuotedFieldWithLineBreak_KeepsItAndCountsLines()
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;\"Ligne 1\nLigne 2\";1;0;0;0;0;;;\nbad;SIRET;X;1;0;0;0;0;;;\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.Equal("Ligne 1\nLigne 2", directory.Find(Michelin)!.Name);
        var diagnostic = Assert.Single(directory.Diagnostics);
        Assert.Equal(4, diagnostic.Line); // the quoted line break moved the bad row to line 4
    }

    [Fact]
    public void Load_BadRows_BecomeDiagnosticsWithLineNumbers_RestIsLoaded()
    {
        var csv = string.Join("\n",
            AnnuaireFiles.Header,
            "73282932000075;SIRET;Mauvaise clé;1;0;0;0;0;;;",
            "73282932000074;SIRET;Bon;peut-être;0;0;0;0;;;",
            "73282932000074;SIRET;Bon;1;0;0",
            "55210055400013;SIRET;Bon;1;0;0;0;0;S1;Service;1",
            "55210055400013;INCONNU;Bon;1;0;0;0;0;;;",
            "");
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));

        Assert.Equal(1, directory.Count);
        Assert.Equal([2L, 3L, 4L, 6L], directory.Diagnostics.Select(d => d.Line));
        Assert.Contains("not a valid SIRET", directory.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("structureActive: 'peut-être' is not a boolean", directory.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("6 field(s) where the header has 11", directory.Diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Contains("unknown typeIdentifiant 'INCONNU'", directory.Diagnostics[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RowsOfOneStructureNotConsecutive_ServicesRegroupedInFileOrder()
    {
        var csv = string.Join("\n",
            AnnuaireFiles.Header,
            "73282932000074;SIRET;A;1;1;0;0;0;S1;Un;1",
            "55210055400013;SIRET;B;1;0;0;0;0;T1;Un;1",
            "73282932000074;SIRET;A;1;1;0;0;0;S2;Deux;0",
            "55210055400013;SIRET;B;1;0;0;0;0;T2;Deux;1",
            "73282932000074;SIRET;A;1;1;0;0;0;S3;Trois;1");
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));

        Assert.Equal(["S1", "S2", "S3"], directory.Find(Michelin)!.Services.Select(s => s.Code));
        Assert.Equal(["T1", "T2"], directory.Find(Hospital)!.Services.Select(s => s.Code));
        Assert.False(directory.CheckRouting(Michelin, "S2").IsRoutable);
        Assert.True(directory.CheckRouting(Michelin, "S3").IsRoutable);
    }

    [Fact]
    public void Load_StructureRepeatedWithOtherFlags_FirstKept_Reported()
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;A;1;1;0;0;0;S1;Un;1\n73282932000074;SIRET;A;0;1;0;0;0;S2;Deux;1\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.True(directory.Find(Michelin)!.IsActive);
        Assert.Equal(3, Assert.Single(directory.Diagnostics).Line);
    }

    [Fact]
    public void Load_OtherIdentifierTypes_FoundByStructureIdentifier()
    {
        var csv = $"{AnnuaireFiles.Header}\n1234567001;RIDET;Province Sud;1;0;0;0;0;;;\nDE123456789;ue_hors_france;Firma GmbH;1;0;0;0;0;;;\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.Equal(2, directory.Count);
        Assert.Equal("Province Sud", directory.Find(StructureIdentifier.Parse(StructureIdentifierType.Ridet, "1234567.001"))!.Name);
        Assert.Equal("Firma GmbH", directory.Find(StructureIdentifier.Parse(StructureIdentifierType.EuOutsideFrance, "DE 123456789"))!.Name);
    }

    [Fact]
    public void Load_HeaderAliasesAndMinimalColumns_Accepted()
    {
        var csv = "Identifiant Structure;Code service obligatoire;numeroEJDoitEtreRenseigne;Structure active\n73282932000074;non;oui;oui\n";
        var s = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv)).Find(Michelin)!;
        Assert.True(s.EngagementRequired);
        Assert.Equal(string.Empty, s.Name);
    }

    [Fact]
    public void Load_LastRowWithoutLineBreak_IsKept()
    {
        var csv = $"{AnnuaireFiles.Header}\r\n73282932000074;SIRET;A;1;0;0;0;0;S1;Un;1";
        Assert.True(InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv)).CheckRouting(Michelin, "S1").IsRoutable);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\n", "empty")]
    [InlineData("a;b;c\n1;2;3\n", "lacks the column(s) identifiant, structureActive, codeServiceObligatoire, engagementObligatoire")]
    [InlineData("%PDF-1.7\n%âãÏÓ\n", "not a directory file")]
    public void Load_NotADirectory_ThrowsWithReason(string text, string expected)
    {
        var ex = Assert.Throws<DirectoryFormatException>(() => InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(text)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnterminatedQuote_ThrowsWithLineOfTheField()
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;A;1;0;0;0;0;;;\n55210055400013;SIRET;\"Hôpital;1;0;0;0;0;;;\n";
        var ex = Assert.Throws<DirectoryFormatException>(() => InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv)));
        Assert.Equal(3, ex.Line);
        Assert.Contains("never closed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedInTheMiddleOfARow_ThrowsWithLine()
    {
        var (bytes, _) = AnnuaireFiles.Generate(50, seed: 1);
        var cut = Array.LastIndexOf(bytes, (byte)';', bytes.Length - 10) - 30;
        var ex = Assert.Throws<DirectoryFormatException>(() => InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes, 0, cut)));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Line > 50);
    }

    [Fact]
    public void Load_HugeField_StopsAtRowLimitInsteadOfGrowingWithoutBound()
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;\"{new string('x', 200_000)}\";1;0;0;0;0;;;\n";
        var options = new DirectoryLoadOptions { MaxRowBytes = 64 * 1024 };
        var ex = Assert.Throws<DirectoryFormatException>(() => InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv), options));
        Assert.Equal(2, ex.Line);
        Assert.Contains("longer than 65536 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyBadRows_KeepsAtMostMaxDiagnostics_CountsAll()
    {
        var csv = AnnuaireFiles.Header + "\n" + string.Concat(Enumerable.Repeat("x;SIRET;A;1;0;0;0;0;;;\n", 50));
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv), new DirectoryLoadOptions { MaxDiagnostics = 10 });
        Assert.Equal(10, directory.Diagnostics.Count);
        Assert.Equal(50, directory.DiagnosticCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Load_StreamReturningSmallChunks_SameResultAsWholeFile(int chunk)
    {
        var (bytes, structures) = AnnuaireFiles.Generate(300, seed: chunk);
        var whole = InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes));
        var trickled = InMemoryPublicEntityDirectory.Load(new TrickleStream(bytes, chunk));

        Assert.Equal(structures.Count, trickled.Count);
        Assert.Equal(whole.Structures.Select(Describe), trickled.Structures.Select(Describe));
    }

    [Fact]
    public void Load_GeneratedFile_EveryStructureHasTheFlagsItWasWrittenWith()
    {
        var (bytes, structures) = AnnuaireFiles.Generate(20_000, seed: 20261123);
        var directory = InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes));

        Assert.Equal(structures.Count, directory.Count);
        Assert.Empty(directory.Diagnostics);
        foreach (var g in structures)
        {
            var s = directory.Find(Siret.Parse(g.Siret))!;
            Assert.Equal((g.Active, g.ServiceRequired, g.EngagementRequired), (s.IsActive, s.ServiceCodeRequired, s.EngagementRequired));
            Assert.Equal(g.Services.Select(kv => (kv.Key, kv.Value)), s.Services.Select(x => (x.Code, x.IsActive)));
            Assert.StartsWith("Commune n", s.Name, StringComparison.Ordinal);
            Assert.EndsWith("de Saint-Étienne; \"annexe\"", s.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_InvalidUtf8InName_DecodedWithReplacementCharacter_NoCrash()
    {
        var bytes = Encoding.UTF8.GetBytes($"{AnnuaireFiles.Header}\n73282932000074;SIRET;Caf");
        byte[] rest = [0xE9, .. Encoding.UTF8.GetBytes(";1;0;0;0;0;;;\n")];
        var directory = InMemoryPublicEntityDirectory.Load(new MemoryStream([.. bytes, .. rest]));
        Assert.Equal("Caf\uFFFD", directory.Find(Michelin)!.Name);
    }

    private static string Describe(PublicStructure s) =>
        $"{s.Identifier}|{s.Name}|{s.IsActive}|{s.ServiceCodeRequired}|{s.EngagementRequired}|{s.PaymentStatusReported}|{s.MoaOnly}|"
        + string.Join(",", s.Services.Select(x => $"{x.Code}:{x.Name}:{x.IsActive}"));
}
