using Chorus.Invoicing.Attachments;

namespace Chorus.Invoicing.Tests.Attachments;

/// <summary>The Chorus Pro attachment rules (domain.md §6, Chorus Pro portal documentation), one test per rule.</summary>
public class AttachmentCheckerTests
{
    private static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();
    private static readonly AttachmentChecker Checker = new();

    private static AttachmentFile File(string name, long bytes = 1000, byte[]? head = null) => new(name, bytes, head ?? PdfHead);

    private static AttachmentVerdict One(string name, long bytes = 1000, byte[]? head = null) => Checker.CheckFile(File(name, bytes, head));

    // --- Name: at most 50 characters, extension included ---

    [Fact]
    public void Name_50Characters_Valid() => Assert.True(One(new string('a', 46) + ".pdf").IsValid);

    [Fact]
    public void Name_51Characters_NameTooLong()
    {
        var v = One(new string('a', 47) + ".pdf");
        Assert.Equal(AttachmentRule.NameTooLong, Assert.Single(v.Errors).Rule);
        Assert.Contains("51 characters", v.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_AccentsCountOnce_Precomposed() => Assert.True(One(new string('é', 46) + ".pdf").IsValid);

    [Fact]
    public void Name_AccentsCountOnce_Decomposed_AsMacOsStoresThem()
    {
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 46)) + ".pdf";   // 96 UTF-16 code units, 50 characters
        Assert.Equal(50, AttachmentChecker.CharacterCount(decomposed));
        var v = One(decomposed);
        Assert.True(v.IsValid);
        Assert.Empty(v.Warnings);
    }

    [Fact]
    public void Name_EmojiFitsInCharactersButNotCodeUnits_ValidWithWarning()
    {
        var v = One(string.Concat(Enumerable.Repeat("😀", 10)) + new string('a', 36) + ".pdf");   // 50 characters, 60 code units
        Assert.True(v.IsValid);
        Assert.Equal(AttachmentRule.NameTooLongInCodeUnits, Assert.Single(v.Warnings).Rule);
    }

    // --- Extension: mandatory, in the list, case-insensitive ---

    [Theory]
    [InlineData("devis.PDF")]
    [InlineData("photo.jpeg")]
    [InlineData("archive.tgz")]
    [InlineData("Bordereau.Xlsx")]
    public void Extension_AllowedAnyCase_Valid(string name) => Assert.Empty(One(name, head: []).Errors);

    [Theory]
    [InlineData("noext")]
    [InlineData("trailing.")]
    public void Extension_Missing_Refused(string name) =>
        Assert.Equal(AttachmentRule.MissingExtension, Assert.Single(One(name).Errors).Rule);

    [Theory]
    [InlineData("tool.exe")]
    [InlineData("script.js")]
    [InlineData("facture.pdf.exe")]
    [InlineData("image.webp")]
    public void Extension_NotInList_Refused(string name) =>
        Assert.Equal(AttachmentRule.ExtensionNotAllowed, Assert.Single(One(name).Errors).Rule);

    [Fact]
    public void Extension_NothingBefore_EmptyName() =>
        Assert.Equal(AttachmentRule.EmptyName, Assert.Single(One(".pdf").Errors).Rule);

    [Fact]
    public void AllowedList_Has35Extensions_AsPublished() => Assert.Equal(35, AttachmentPolicy.ChorusProExtensions.Distinct().Count());

    [Fact]
    public void OneFile_TwoViolations_BothReported()
    {
        var v = One(new string('b', 47) + ".exe");
        Assert.Equal([AttachmentRule.NameTooLong, AttachmentRule.ExtensionNotAllowed], v.Errors.Select(e => e.Rule));
    }

    // --- Size: each file ≤ 10 MB, Mo = 10^6 bytes ---

    [Fact]
    public void Size_Exactly10MB_Valid() => Assert.True(One("a.pdf", 10_000_000).IsValid);

    [Fact]
    public void Size_OneByteOver10MB_FileTooLarge() =>
        Assert.Equal(AttachmentRule.FileTooLarge, Assert.Single(One("a.pdf", 10_000_001).Errors).Rule);

    [Fact]
    public void Size_10MiB_IsOver10MB_StricterReading() => Assert.False(One("a.pdf", 10 * 1024 * 1024).IsValid);

    [Fact]
    public void Size_Empty_Warning() => Assert.Equal(AttachmentRule.EmptyFile, Assert.Single(One("a.pdf", 0).Warnings).Rule);

    // --- Totals per deposit mode ---

    [Theory]
    [InlineData(DepositMode.Portal, 120_000_000)]
    [InlineData(DepositMode.Api, 120_000_000)]
    [InlineData(DepositMode.XmlBatch, 30_000_000)]
    [InlineData(DepositMode.Edi, 1_000_000_000)]
    public void Total_AtTheModeLimit_Valid_OneByteMore_Refused(DepositMode mode, long limit)
    {
        var atLimit = Checker.Check(Split(limit), mode);
        Assert.True(atLimit.IsValid);
        Assert.Equal(limit, atLimit.LimitBytes);
        Assert.Equal(limit, atLimit.TotalBytes);

        var over = Checker.Check(Split(limit + 1), mode);
        Assert.False(over.IsValid);
        Assert.Equal(AttachmentRule.TotalTooLarge, Assert.Single(over.Errors).Rule);
        Assert.All(over.Files, f => Assert.True(f.IsValid));   // the total is the set's violation, not a file's
    }

    [Fact]
    public void Portal_12FilesOf9Point9MB_Valid_13Refused()
    {
        Assert.True(Checker.Check(Enumerable.Range(1, 12).Select(i => File($"p{i}.pdf", 9_900_000))).IsValid);
        Assert.False(Checker.Check(Enumerable.Range(1, 13).Select(i => File($"p{i}.pdf", 9_900_000))).IsValid);
    }

    [Fact]
    public void XmlBatch_3FilesOf9Point9MB_Valid_4Refused()
    {
        Assert.True(Checker.Check(Enumerable.Range(1, 3).Select(i => File($"p{i}.pdf", 9_900_000)), DepositMode.XmlBatch).IsValid);
        Assert.False(Checker.Check(Enumerable.Range(1, 4).Select(i => File($"p{i}.pdf", 9_900_000)), DepositMode.XmlBatch).IsValid);
    }

    [Fact]
    public void WholeSet_EveryViolationOfEveryFilePlusTheTotal_Reported()
    {
        var report = Checker.Check(
        [
            File(new string('x', 60) + ".exe", 11_000_000),
            File("ok.pdf"),
            File("noext", 12_000_000),
            File("big.zip", 10_500_000, [0x50, 0x4B, 0x03, 0x04]),
        ], DepositMode.XmlBatch);

        Assert.False(report.IsValid);
        Assert.Equal([AttachmentRule.NameTooLong, AttachmentRule.ExtensionNotAllowed, AttachmentRule.FileTooLarge], report.Files[0].Errors.Select(e => e.Rule));
        Assert.True(report.Files[1].IsValid);
        Assert.Equal([AttachmentRule.MissingExtension, AttachmentRule.FileTooLarge], report.Files[2].Errors.Select(e => e.Rule));
        Assert.Equal([AttachmentRule.FileTooLarge], report.Files[3].Errors.Select(e => e.Rule));
        Assert.Equal(AttachmentRule.TotalTooLarge, Assert.Single(report.Errors).Rule);
        Assert.Equal(33_501_000, report.TotalBytes);
    }

    // --- Content sniffing: warnings, never errors ---

    [Theory]
    [InlineData("fake.pdf", new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    [InlineData("fake.zip", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })]
    [InlineData("fake.docx", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })]
    [InlineData("fake.png", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 })]
    [InlineData("fake.xml", new byte[] { 0x00, 0x00, 0x00 })]
    [InlineData("fake.txt", new byte[] { 0x41, 0x00, 0x42 })]
    public void Content_NotMatchingExtension_WarningOnly(string name, byte[] head)
    {
        var v = One(name, head: head);
        Assert.True(v.IsValid);
        Assert.Equal(AttachmentRule.ContentMismatch, Assert.Single(v.Warnings).Rule);
    }

    [Theory]
    [InlineData("real.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34 })]
    [InlineData("real.zip", new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    [InlineData("real.odt", new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    [InlineData("real.gz", new byte[] { 0x1F, 0x8B, 0x08 })]
    [InlineData("real.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 })]
    [InlineData("real.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData("real.tif", new byte[] { 0x49, 0x49, 0x2A, 0x00 })]
    [InlineData("real.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })]
    [InlineData("real.xml", new byte[] { 0xEF, 0xBB, 0xBF, 0x3C, 0x3F })]
    [InlineData("real.html", new byte[] { 0x0A, 0x20, 0x3C, 0x21 })]
    [InlineData("real.p7s", new byte[] { 0x30, 0x82, 0x01 })]
    [InlineData("real.fax", new byte[] { 0x00 })]
    public void Content_MatchingExtension_NoWarning(string name, byte[] head) => Assert.Empty(One(name, head: head).Warnings);

    [Fact]
    public void Content_PdfHeaderAfterJunk_WithinFirst1024Bytes_NoWarning()
    {
        var head = new byte[600];
        PdfHead.CopyTo(head, 500);
        Assert.Empty(One("late.pdf", head: head).Warnings);
    }

    [Fact]
    public void Content_SniffingOff_NoWarning()
    {
        var checker = new AttachmentChecker(AttachmentPolicy.ChorusPro with { SniffContent = false });
        Assert.Empty(checker.CheckFile(File("fake.pdf", head: [0, 0, 0])).Warnings);
    }

    [Fact]
    public void FromStream_ReadsLengthAndHead()
    {
        using var stream = new MemoryStream([.. PdfHead, .. new byte[5000]]);
        var file = AttachmentFile.FromStream("s.pdf", stream);
        Assert.Equal(5000 + PdfHead.Length, file.Length);
        Assert.Equal(AttachmentChecker.HeadLength, file.Head.Length);
        Assert.Empty(Checker.CheckFile(file).Warnings);
    }

    // --- The policy is the host's ---

    [Fact]
    public void Policy_HostRaisesPerFileLimit_11MBFileAccepted()
    {
        var checker = new AttachmentChecker(AttachmentPolicy.ChorusPro with { MaxFileBytes = 20 * AttachmentPolicy.Megabyte });
        Assert.True(checker.CheckFile(File("a.pdf", 11_000_000)).IsValid);
    }

    [Fact]
    public void Policy_HostAddsExtension_Accepted()
    {
        var checker = new AttachmentChecker(AttachmentPolicy.ChorusPro with { AllowedExtensions = [.. AttachmentPolicy.ChorusProExtensions, "webp"] });
        Assert.True(checker.CheckFile(File("image.WEBP")).IsValid);
    }

    [Fact]
    public void Policy_BinaryReading_10MiBAccepted()
    {
        var checker = new AttachmentChecker(AttachmentPolicy.ChorusPro with { MaxFileBytes = 10 * AttachmentPolicy.Mebibyte });
        Assert.True(checker.CheckFile(File("a.pdf", 10 * 1024 * 1024)).IsValid);
    }

    [Fact]
    public void Policy_Inconsistent_RejectedWhenTheCheckerIsBuilt()
    {
        Assert.Throws<ArgumentException>(() => new AttachmentChecker(AttachmentPolicy.ChorusPro with { MaxFileBytes = 0 }));
        Assert.Throws<ArgumentException>(() => new AttachmentChecker(AttachmentPolicy.ChorusPro with { AllowedExtensions = [] }));
        Assert.Throws<ArgumentException>(() => new AttachmentChecker(AttachmentPolicy.ChorusPro with { AllowedExtensions = [".pdf"] }));
    }

    private static IEnumerable<AttachmentFile> Split(long total)
    {
        // Files of at most 10 MB that add up to `total`.
        var i = 0;
        while (total > 0)
        {
            var size = Math.Min(total, 10_000_000);
            yield return File($"part{i++}.pdf", size);
            total -= size;
        }
    }
}
