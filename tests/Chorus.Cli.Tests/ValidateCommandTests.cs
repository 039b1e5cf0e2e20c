using System.Text.Json;
using Chorus.Tests.Shared;

namespace Chorus.Cli.Tests;

/// <summary><c>chorus validate</c> against the contract (docs/cli.md): fields, arrays, exit codes 0/1/2.</summary>
public class ValidateCommandTests
{
    [Fact]
    public void Validate_ValidUblInvoice_JsonObjectAndExit0()
    {
        var file = TestData.PathOf("ubl", "ubl-tc434-example1.xml");
        var r = CliRunner.Run("validate", file, "--json");

        Assert.Equal(0, r.ExitCode);
        var json = r.Json();
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(file, json.GetProperty("file").GetString());
        Assert.Equal("ubl", json.GetProperty("syntax").GetString());
        Assert.Equal("invoice", json.GetProperty("documentType").GetString());
        Assert.Equal("EN 16931", json.GetProperty("profile").GetString());
        Assert.Equal("en16931", json.GetProperty("rules")[0].GetString());
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("errors").ValueKind);
    }

    [Fact]
    public void Validate_InvalidInvoice_ListsOfficialRuleIdsAndExit1()
    {
        var r = CliRunner.Run("validate", TestData.PathOf("ubl", "BT-128.ubl.xml"), "--rules", "en16931", "--json");

        Assert.Equal(1, r.ExitCode);
        var errors = r.Json().GetProperty("errors").EnumerateArray().ToList();
        var fatal = errors.Where(e => e.GetProperty("severity").GetString() == "fatal").Select(e => e.GetProperty("rule").GetString()).ToHashSet();
        Assert.Equal(["BR-CO-10", "BR-CO-15"], fatal.Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("location").GetString())));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
    }

    [Fact]
    public void Validate_FolderAndUnreadableFile_ArrayInOrderAndExit2()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chorus-validate-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            File.Copy(TestData.PathOf("cii", "CII_example1.xml"), Path.Combine(folder, "b.xml"));
            File.Copy(TestData.PathOf("ubl", "ubl-tc434-example2.xml"), Path.Combine(folder, "a.xml"));
            File.WriteAllText(Path.Combine(folder, "c.xml"), "<not closed");
            File.WriteAllText(Path.Combine(folder, "ignored.txt"), "x");

            var r = CliRunner.Run("validate", folder, "--json");

            Assert.Equal(2, r.ExitCode);
            var items = r.Json().EnumerateArray().ToList();
            Assert.Equal(["a.xml", "b.xml", "c.xml"], items.Select(i => Path.GetFileName(i.GetProperty("file").GetString())));
            Assert.True(items[0].GetProperty("valid").GetBoolean());
            Assert.True(items[1].GetProperty("valid").GetBoolean());
            Assert.Equal(JsonValueKind.Null, items[2].GetProperty("syntax").ValueKind);
            Assert.False(items[2].GetProperty("valid").GetBoolean());
            Assert.Equal("UNREADABLE", items[2].GetProperty("errors")[0].GetProperty("rule").GetString());
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_ManyFilesInParallel_SameEntriesInInputOrderAsOneByOne()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chorus-validate-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            // Sizes and verdicts mixed so that workers finish out of order: valid, invalid, unreadable, UBL and CII.
            string[] sources = [.. new[] { "ubl-tc434-example1.xml", "BT-128.ubl.xml", "Invoice-Max_content.xml", "ubl-tc434-example5.xml" }.Select(f => TestData.PathOf("ubl", f)),
                .. new[] { "CII_example1.xml", "invalidArithmetics.xml", "CII_example5.xml" }.Select(f => TestData.PathOf("cii", f))];
            for (var i = 0; i < 24; i++)
            {
                File.Copy(sources[i % sources.Length], Path.Combine(folder, $"{i:D2}.xml"));
            }

            File.WriteAllText(Path.Combine(folder, "25.xml"), "<not closed");

            var all = CliRunner.Run("validate", folder, "--rules", "en16931", "--json");

            var items = all.Json().EnumerateArray().ToList();
            var files = System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(files, items.Select(i => i.GetProperty("file").GetString()));
            for (var i = 0; i < files.Count; i++)
            {
                var one = CliRunner.Run("validate", files[i], "--rules", "en16931", "--json");
                Assert.Equal(JsonSerializer.Serialize(one.Json()), JsonSerializer.Serialize(items[i]));
            }

            Assert.Equal(2, all.ExitCode);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_MissingFile_Exit2WithUnreadableEntry()
    {
        var r = CliRunner.Run("validate", "no-such-file.xml", "--json");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("UNREADABLE", r.Json().GetProperty("errors")[0].GetProperty("rule").GetString());
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FacturXPdf_ValidatesTheEmbeddedXmlWithItsProfile()
    {
        var r = CliRunner.Run("validate", TestData.PathOf("facturx", "MINIMUM_Rechnung_fx.pdf"), "--json");

        Assert.Equal(0, r.ExitCode);
        var json = r.Json();
        Assert.Equal("cii", json.GetProperty("syntax").GetString());
        Assert.Equal("MINIMUM", json.GetProperty("profile").GetString());
        Assert.Equal("facturx", json.GetProperty("rules")[0].GetString());
    }

    [Fact]
    public void Validate_UnknownRuleSet_UsageErrorExit2()
    {
        var r = CliRunner.Run("validate", TestData.PathOf("ubl", "ubl-tc434-example1.xml"), "--rules", "peppol");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown rule set", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HumanOutput_OneLinePerProblemAndSummary()
    {
        var r = CliRunner.Run("validate", TestData.PathOf("ubl", "BT-128.ubl.xml"), "--rules", "en16931");

        Assert.Equal(1, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("BR-CO-10 [fatal] at /", StringComparison.Ordinal));
        Assert.StartsWith("1 file(s): 0 valid, 1 invalid, 0 unreadable", lines[^1], StringComparison.Ordinal);
    }
}
