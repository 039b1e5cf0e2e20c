namespace Chorus.Invoicing.Attachments;

/// <summary>One file of a billing file to check: its name, its size and, optionally, its first bytes for content sniffing.</summary>
/// <param name="Name">The file name as it will be deposited (no folder), extension included.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="Head">The first bytes of the content (<see cref="AttachmentChecker.HeadLength"/> is enough); empty to skip content sniffing.</param>
public sealed record AttachmentFile(string Name, long Length, ReadOnlyMemory<byte> Head = default)
{
    /// <summary>Reads the size and the first bytes of <paramref name="content"/> (which must be seekable for its length; it is read from its current position).</summary>
    /// <param name="name">The file name.</param>
    /// <param name="content">The content; not disposed.</param>
    public static AttachmentFile FromStream(string name, Stream content)
    {
        var head = new byte[AttachmentChecker.HeadLength];
        var read = 0;
        int n;
        while (read < head.Length && (n = content.Read(head, read, head.Length - read)) > 0)
        {
            read += n;
        }

        var length = content.CanSeek ? content.Length : read;
        return new AttachmentFile(name, length, head.AsMemory(0, read));
    }
}

/// <summary>The rule an <see cref="AttachmentProblem"/> breaks.</summary>
public enum AttachmentRule
{
    /// <summary>The name is longer than the policy allows (50 characters, extension included).</summary>
    NameTooLong,

    /// <summary>The name has no characters before its extension (".pdf").</summary>
    EmptyName,

    /// <summary>The name has no extension; Chorus Pro requires one.</summary>
    MissingExtension,

    /// <summary>The extension is not in the allowed list.</summary>
    ExtensionNotAllowed,

    /// <summary>The file is larger than the per-file limit (10 MB).</summary>
    FileTooLarge,

    /// <summary>The files together are larger than the limit of the deposit mode.</summary>
    TotalTooLarge,

    /// <summary>Warning: the content does not look like what the extension says (a .pdf that is not a PDF…).</summary>
    ContentMismatch,

    /// <summary>Warning: the file is empty.</summary>
    EmptyFile,

    /// <summary>Warning: the name fits in characters but not in UTF-16 code units (emoji, characters outside the BMP).</summary>
    NameTooLongInCodeUnits,
}

/// <summary>One violation (or warning) found by the <see cref="AttachmentChecker"/>.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Message">A one-line English explanation with the figures.</param>
public sealed record AttachmentProblem(AttachmentRule Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>The verdict on one file: every violation of the rules (errors) and every suspicion (warnings).</summary>
/// <param name="Name">The file name checked.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Errors">Every rule the file breaks.</param>
/// <param name="Warnings">Suspicions that do not make the file invalid (content not matching the extension…).</param>
public sealed record AttachmentVerdict(string Name, long Bytes, IReadOnlyList<AttachmentProblem> Errors, IReadOnlyList<AttachmentProblem> Warnings)
{
    /// <summary>True when the file breaks no rule.</summary>
    public bool IsValid => Errors.Count == 0;
}

/// <summary>The verdict on a whole billing file: each file's verdict and the total against the mode's limit.</summary>
/// <param name="Mode">The deposit mode checked against.</param>
/// <param name="Files">One verdict per file, in the order given.</param>
/// <param name="TotalBytes">The sum of the sizes.</param>
/// <param name="LimitBytes">The total limit of the mode.</param>
/// <param name="Errors">Violations of the set as a whole (the total size).</param>
public sealed record AttachmentReport(DepositMode Mode, IReadOnlyList<AttachmentVerdict> Files, long TotalBytes, long LimitBytes, IReadOnlyList<AttachmentProblem> Errors)
{
    /// <summary>True when no file breaks a rule and the total is within the limit.</summary>
    public bool IsValid => Errors.Count == 0 && Files.All(f => f.IsValid);
}
