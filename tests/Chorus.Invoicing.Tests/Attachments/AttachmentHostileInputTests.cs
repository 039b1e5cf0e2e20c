using Chorus.Invoicing.Attachments;

namespace Chorus.Invoicing.Tests.Attachments;

/// <summary>Hostile or odd input to the attachment checker (issue 9): never a crash, a hang or an unbounded allocation; a clear verdict.</summary>
public class AttachmentHostileInputTests
{
    private static readonly AttachmentChecker Checker = new();

    [Fact]
    public void LoneSurrogateInName_NoCrash_CountedAsIs()
    {
        var v = Checker.CheckFile(new AttachmentFile("\uD800abc.pdf", 10));
        Assert.True(v.IsValid);
        Assert.Equal(8, AttachmentChecker.CharacterCount("\uD800abc.pdf"));
    }

    [Fact]
    public void MillionCharacterName_OneErrorWithTheCount_MessageStaysShort()
    {
        var v = Checker.CheckFile(new AttachmentFile(new string('a', 1_000_000) + ".pdf", 10));
        var error = Assert.Single(v.Errors);
        Assert.Equal(AttachmentRule.NameTooLong, error.Rule);
        Assert.Contains("1000004 characters", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200);
    }

    [Fact]
    public void CombiningMarkFlood_CountsEveryMark_NotOneGrapheme()
    {
        // "Zalgo" text: one grapheme cluster holding 1,000 combining marks must not pass as a one-character name.
        var name = "e" + new string('\u0316', 1000) + ".pdf";
        Assert.Equal(AttachmentRule.NameTooLong, Assert.Single(Checker.CheckFile(new AttachmentFile(name, 10)).Errors).Rule);
    }

    [Fact]
    public void NullName_TreatedAsEmpty_MissingExtension() =>
        Assert.Equal(AttachmentRule.MissingExtension, Assert.Single(Checker.CheckFile(new AttachmentFile(null!, 10)).Errors).Rule);

    [Theory]
    [InlineData("a\0b.pdf")]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("C:\\temp\\x.pdf")]
    [InlineData("\u202Efdp.exe")]          // right-to-left override: displays as "exe.pdf"
    public void OddCharactersInName_NoCrash_ExtensionJudgedOnTheRealLastDot(string name)
    {
        var v = Checker.CheckFile(new AttachmentFile(name, 10));
        Assert.Equal(name.EndsWith(".exe", StringComparison.Ordinal), v.Errors.Any(e => e.Rule == AttachmentRule.ExtensionNotAllowed));
    }

    [Fact]
    public void NegativeSize_IsMisuse_ArgumentException() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Checker.CheckFile(new AttachmentFile("a.pdf", -1)));

    [Fact]
    public void HugeSizes_TotalSaturates_NoOverflow()
    {
        var report = Checker.Check([new AttachmentFile("a.pdf", long.MaxValue), new AttachmentFile("b.pdf", long.MaxValue)], DepositMode.Edi);
        Assert.Equal(long.MaxValue, report.TotalBytes);
        Assert.False(report.IsValid);
        Assert.Single(report.Errors);
    }

    [Fact]
    public void HugeHeadGiven_OnlyTheFirstKilobyteIsSniffed()
    {
        var head = new byte[50_000_000];
        head[2000] = 0;   // NUL bytes everywhere, but past the sniffed window for a text file that starts clean
        for (var i = 0; i < AttachmentChecker.HeadLength; i++)
        {
            head[i] = (byte)'a';
        }

        Assert.Empty(Checker.CheckFile(new AttachmentFile("notes.txt", head.Length, head)).Warnings);
    }

    [Fact]
    public void TenThousandFiles_EveryOneReported()
    {
        var report = Checker.Check(Enumerable.Range(0, 10_000).Select(i => new AttachmentFile($"f{i}.exe", 1)));
        Assert.Equal(10_000, report.Files.Count);
        Assert.All(report.Files, f => Assert.Single(f.Errors));
    }

    [Fact]
    public void EmptyHead_NoSniffing_NoWarning() =>
        Assert.Empty(Checker.CheckFile(new AttachmentFile("a.pdf", 100)).Warnings);
}
