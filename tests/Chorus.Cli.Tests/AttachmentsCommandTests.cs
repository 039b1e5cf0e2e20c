namespace Chorus.Cli.Tests;

/// <summary><c>chorus attachments check</c> against the contract and the Chorus Pro attachment rules, on files made in a temporary folder.</summary>
public sealed class AttachmentsCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "chorus-att-" + Guid.NewGuid().ToString("N"));

    public AttachmentsCommandTests() => System.IO.Directory.CreateDirectory(_dir);

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    // Sparse where the file system allows it: sizes cost no disk.
    private string Make(string name, long bytes, byte[]? head = null)
    {
        var path = Path.Combine(_dir, name);
        using var stream = File.Create(path);
        stream.Write(head ?? "%PDF-1.4\n"u8);
        stream.SetLength(Math.Max(bytes, stream.Length));
        return path;
    }

    private static CliResult Check(string mode, params string[] files) =>
        CliRunner.Run(["attachments", "check", .. files, "--mode", mode, "--json"]);

    [Fact]
    public void ValidSet_Exit0_JsonMatchesContract()
    {
        var pdf = Make("facture.pdf", 1000);
        var r = Check("portal", pdf);

        Assert.Equal(0, r.ExitCode);
        var j = r.Json();
        Assert.Equal("portal", j.GetProperty("mode").GetString());
        Assert.True(j.GetProperty("valid").GetBoolean());
        Assert.Equal(1000, j.GetProperty("totalBytes").GetInt64());
        Assert.Equal(120_000_000, j.GetProperty("limitBytes").GetInt64());
        var file = Assert.Single(j.GetProperty("files").EnumerateArray());
        Assert.Equal(pdf, file.GetProperty("name").GetString());   // named as given on the command line
        Assert.Equal(1000, file.GetProperty("bytes").GetInt64());
        Assert.True(file.GetProperty("valid").GetBoolean());
        Assert.Empty(file.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void EveryViolationOfEveryFile_Reported_Exit1()
    {
        var longExe = Make(new string('b', 47) + ".exe", 1000);
        var noExt = Make("noext", 1000);
        var big = Make("big.pdf", 10_500_000);
        var r = Check("portal", longExe, noExt, big);

        Assert.Equal(1, r.ExitCode);
        var counts = r.Json().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("errors").GetArrayLength()).ToArray();
        Assert.Equal([2, 1, 1], counts);
    }

    [Fact]
    public void Name50CharactersWithAccents_Valid()
    {
        var r = Check("portal", Make(new string('é', 46) + ".pdf", 1000));
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void XmlBatch_Over30MB_TotalErrorAtTopLevel_FilesStayValid()
    {
        string[] files = [.. Enumerable.Range(1, 4).Select(i => Make($"p{i}.pdf", 9_900_000))];
        var r = Check("xml-batch", files);

        Assert.Equal(1, r.ExitCode);
        var j = r.Json();
        Assert.Equal(30_000_000, j.GetProperty("limitBytes").GetInt64());
        Assert.Equal(39_600_000, j.GetProperty("totalBytes").GetInt64());
        Assert.Single(j.GetProperty("errors").EnumerateArray());
        Assert.All(j.GetProperty("files").EnumerateArray(), f => Assert.True(f.GetProperty("valid").GetBoolean()));
    }

    [Theory]
    [InlineData("api", 120_000_000)]
    [InlineData("edi", 1_000_000_000)]
    public void Mode_LimitReported(string mode, long limit) =>
        Assert.Equal(limit, Check(mode, Make("a.pdf", 10)).Json().GetProperty("limitBytes").GetInt64());

    [Fact]
    public void DefaultMode_IsPortal()
    {
        var r = CliRunner.Run("attachments", "check", Make("a.pdf", 10), "--json");
        Assert.Equal("portal", r.Json().GetProperty("mode").GetString());
    }

    [Fact]
    public void FakePdf_ValidWithWarning()
    {
        var r = Check("portal", Make("fake.pdf", 100, [0x50, 0x4B, 0x03, 0x04]));

        Assert.Equal(0, r.ExitCode);
        var file = r.Json().GetProperty("files")[0];
        Assert.Contains("PDF", Assert.Single(file.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_Exit2_JsonError()
    {
        var r = Check("portal", Path.Combine(_dir, "absent.pdf"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("absent.pdf", r.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMode_Exit2() => Assert.Equal(2, CliRunner.Run("attachments", "check", Make("a.pdf", 10), "--mode", "fax").ExitCode);

    [Fact]
    public void Text_ListsErrorsPerFile()
    {
        var r = CliRunner.Run("attachments", "check", Make("tool.exe", 10));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: the extension .exe is not allowed", r.Stdout, StringComparison.Ordinal);
    }
}
