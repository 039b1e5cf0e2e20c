using System.Text;
using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Tests.Annuaire;

/// <summary>Damaged and malicious directory files: a typed exception or diagnostics, never a crash, hang or unbounded allocation.</summary>
public class HostileAnnuaireTests
{
    private static readonly Siret Michelin = Siret.Parse("73282932000074");

    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "only a BOM", [0xEF, 0xBB, 0xBF] },
        { "NUL bytes", new byte[4096] },
        { "gzip header", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4B, 0x4C, 0x4A, 0x06, 0x00] },
        { "UTF-16 file", Encoding.Unicode.GetBytes("\uFEFF" + AnnuaireFiles.Header + "\n") },
        { "unterminated quote then noise", [.. "identifiant;structureActive;codeServiceObligatoire;engagementObligatoire\n\"x;"u8, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 31))] },
        { "quote opened in the header", "\"identifiant;structureActive;codeServiceObligatoire;engagementObligatoire\n73282932000074;1;0;0\n"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Load_UnreadableFile_ThrowsDirectoryFormatException(string what, byte[] bytes)
    {
        var ex = Assert.Throws<DirectoryFormatException>(() => InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes)));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message), what);
    }

    [Fact]
    public void Load_HeaderOnly_EmptyDirectory()
    {
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(AnnuaireFiles.Header + "\n"));
        Assert.Equal(0, directory.Count);
        Assert.False(directory.CheckRouting(Michelin).IsFound);
    }

    [Fact]
    public void Load_RowWithHundredThousandSeparators_OneDiagnostic()
    {
        var csv = $"{AnnuaireFiles.Header}\n{new string(';', 100_000)}\n73282932000074;SIRET;A;1;0;0;0;0;;;\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.Equal(1, directory.Count);
        Assert.Equal(2, Assert.Single(directory.Diagnostics).Line);
    }

    [Fact]
    public void Load_QuotedFieldFullOfLineBreaks_LinesStillCounted()
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;\"{new string('\n', 50_000)}\";1;0;0;0;0;;;\nx;SIRET;A;1;0;0;0;0;;;\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.Equal(50_003, Assert.Single(directory.Diagnostics).Line);
    }

    [Fact]
    public void Load_TextAfterClosingQuote_KeptWithDiagnostic()
    {
        var csv = $"{AnnuaireFiles.Header}\n73282932000074;SIRET;\"Mairie\" annexe;1;0;0;0;0;;;\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.Equal("Mairie", directory.Find(Michelin)!.Name);
        Assert.Contains("after a closing quote", Assert.Single(directory.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CrOnlyLineEndings_Read()
    {
        var csv = $"{AnnuaireFiles.Header}\r73282932000074;SIRET;A;1;0;0;0;0;S;Service;1\r";
        Assert.True(InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv)).CheckRouting(Michelin, "S").IsRoutable);
    }

    [Fact]
    public void Load_EveryTruncationOfAValidFile_EitherLoadsOrSaysWhere()
    {
        var (bytes, _) = AnnuaireFiles.Generate(20, seed: 9);
        for (var length = 0; length < bytes.Length; length += 7)
        {
            try
            {
                var directory = InMemoryPublicEntityDirectory.Load(new MemoryStream(bytes, 0, length));
                Assert.InRange(directory.Count, 0, 20);
            }
            catch (DirectoryFormatException ex)
            {
                Assert.True(ex.Line >= 0);
            }
        }
    }

    [Fact]
    public void Load_DeterministicBitFlips_NeverAnythingButDirectoryFormatException()
    {
        var (bytes, _) = AnnuaireFiles.Generate(50, seed: 11);
        var loaded = 0;
        for (var round = 0; round < 200; round++)
        {
            var copy = (byte[])bytes.Clone();
            for (var k = 0; k < 5; k++)
            {
                var position = ((round * 7919) + (k * 104729)) % copy.Length;
                copy[position] ^= (byte)(1 << ((round + k) % 8));
            }

            try
            {
                _ = InMemoryPublicEntityDirectory.Load(new MemoryStream(copy));
                loaded++;
            }
            catch (DirectoryFormatException)
            {
                // allowed: unreadable, with a line
            }
        }

        Assert.InRange(loaded, 1, 200); // most damaged files still load (bad rows become diagnostics)
    }
}

public class SeparatorDetectionTests
{
    private static readonly Siret Michelin = Siret.Parse("73282932000074");

    [Theory]
    [InlineData(',')]
    [InlineData('\t')]
    public void Load_HeaderWithoutSemicolons_UsesTabsOrCommas(char separator)
    {
        var csv = (AnnuaireFiles.Header + "\n73282932000074;SIRET;\"Mairie, annexe\";oui;non;oui;non;non;S1;Un;oui\n").Replace(';', separator);
        var directory = InMemoryPublicEntityDirectory.Load(new TrickleStream(System.Text.Encoding.UTF8.GetBytes(csv), 3));
        var s = directory.Find(Michelin)!;
        Assert.Equal("Mairie, annexe", s.Name);
        Assert.True(s.EngagementRequired);
        Assert.Equal("S1", Assert.Single(s.Services).Code);
    }

    [Fact]
    public void Load_SemicolonHeaderWithCommasInQuotedNames_StaysSemicolon()
    {
        var csv = "\"identifiant\";\"raison, sociale\";structureActive;codeServiceObligatoire;engagementObligatoire\n73282932000074;\"A, B\";1;0;0\n";
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));
        Assert.True(directory.CheckRouting(Michelin).IsRoutable);
    }
}

public class RepeatedStructureTests
{
    [Fact]
    public void Load_RepeatsMergedAfterOtherTypes_IndexesStillPointAtTheRightStructures()
    {
        var csv = string.Join("\n",
            AnnuaireFiles.Header,
            "73282932000074;SIRET;A;1;1;0;0;0;S1;Un;1",
            "55210055400013;SIRET;B;1;0;0;0;0;T1;Un;1",
            "73282932000074;SIRET;A;1;1;0;0;0;S2;Deux;0",
            "1234567001;RIDET;Province;1;0;1;0;0;R1;Un;1",
            "55210055400013;SIRET;B;0;0;0;0;0;T2;Deux;1",
            "35600000000048;SIRET;C;1;0;0;0;0;;;",
            "");
        var directory = InMemoryPublicEntityDirectory.Load(AnnuaireFiles.Stream(csv));

        Assert.Equal(4, directory.Count);
        Assert.Equal(5, directory.ServiceCount);
        Assert.Equal(["S1", "S2"], directory.Find(Siret.Parse("73282932000074"))!.Services.Select(s => s.Code));
        var b = directory.Find(Siret.Parse("55210055400013"))!;
        Assert.True(b.IsActive); // first row's flags kept
        Assert.Equal(["T1", "T2"], b.Services.Select(s => s.Code));
        Assert.Equal("C", directory.Find(Siret.Parse("35600000000048"))!.Name);
        var ridet = directory.Find(StructureIdentifier.Parse(StructureIdentifierType.Ridet, "1234567001"))!;
        Assert.Equal("Province", ridet.Name);
        Assert.Equal("R1", Assert.Single(ridet.Services).Code);
        Assert.Equal(6, Assert.Single(directory.Diagnostics).Line);
        Assert.Equal(["A", "B", "Province", "C"], directory.Structures.Select(s => s.Name));
    }
}
