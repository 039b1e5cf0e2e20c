using System.Globalization;
using System.Text;
using Chorus.Invoicing.Attachments.Internal;

namespace Chorus.Invoicing.Attachments;

/// <summary>
/// Checks a set of attachments against an <see cref="AttachmentPolicy"/> and reports every violation of every file plus
/// the total, never only the first one. Pure: no file system access (the CLI reads the files).
/// </summary>
public sealed class AttachmentChecker
{
    /// <summary>How many leading bytes content sniffing looks at.</summary>
    public const int HeadLength = 1024;

    private readonly HashSet<string> _extensions;

    /// <summary>A checker for <paramref name="policy"/> (default: <see cref="AttachmentPolicy.ChorusPro"/>); throws <see cref="ArgumentException"/> when the policy is inconsistent.</summary>
    public AttachmentChecker(AttachmentPolicy? policy = null)
    {
        Policy = policy ?? AttachmentPolicy.ChorusPro;
        Policy.Validate();
        _extensions = new HashSet<string>(Policy.AllowedExtensions.Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The policy applied.</summary>
    public AttachmentPolicy Policy { get; }

    /// <summary>Checks <paramref name="files"/> as one billing file deposited in <paramref name="mode"/>.</summary>
    public AttachmentReport Check(IEnumerable<AttachmentFile> files, DepositMode mode = DepositMode.Portal)
    {
        var verdicts = new List<AttachmentVerdict>();
        long total = 0;
        foreach (var file in files)
        {
            verdicts.Add(CheckFile(file));
            total = file.Length > long.MaxValue - total ? long.MaxValue : total + Math.Max(0, file.Length);
        }

        var limit = Policy.TotalLimit(mode);
        var errors = new List<AttachmentProblem>();
        if (total > limit)
        {
            errors.Add(new AttachmentProblem(AttachmentRule.TotalTooLarge,
                $"the files total {Size(total)}, over the {Size(limit)} limit for a {ModeName(mode)} deposit"));
        }

        return new AttachmentReport(mode, verdicts, total, limit, errors);
    }

    /// <summary>Checks one file on its own (name, extension, size, content); the total is checked by <see cref="Check"/>.</summary>
    public AttachmentVerdict CheckFile(AttachmentFile file)
    {
        var errors = new List<AttachmentProblem>();
        var warnings = new List<AttachmentProblem>();
        var name = file.Name ?? string.Empty;
        CheckName(name, errors, warnings);
        if (file.Length > Policy.MaxFileBytes)
        {
            errors.Add(new AttachmentProblem(AttachmentRule.FileTooLarge, $"{Size(file.Length)}, over the {Size(Policy.MaxFileBytes)} limit per file"));
        }
        else if (file.Length == 0)
        {
            warnings.Add(new AttachmentProblem(AttachmentRule.EmptyFile, "the file is empty"));
        }

        if (Policy.SniffContent && file.Length > 0 && !file.Head.IsEmpty
            && ContentSniffer.Mismatch(Extension(name), file.Head.Span) is { } expected)
        {
            warnings.Add(new AttachmentProblem(AttachmentRule.ContentMismatch, $"the content does not look like {expected}"));
        }

        return new AttachmentVerdict(name, file.Length, errors, warnings);
    }

    /// <summary>The length of <paramref name="name"/> in characters as a reader sees them: NFC, then text elements (grapheme clusters).</summary>
    public static int CharacterCount(string name)
    {
        var nfc = Nfc(name);
        return new StringInfo(nfc).LengthInTextElements;
    }

    private void CheckName(string name, List<AttachmentProblem> errors, List<AttachmentProblem> warnings)
    {
        var characters = CharacterCount(name);
        if (characters > Policy.MaxNameLength)
        {
            errors.Add(new AttachmentProblem(AttachmentRule.NameTooLong, $"the name has {characters} characters, over the limit of {Policy.MaxNameLength} (extension included)"));
        }
        else if (Nfc(name).Length > Policy.MaxNameLength)
        {
            warnings.Add(new AttachmentProblem(AttachmentRule.NameTooLongInCodeUnits,
                $"the name has {characters} characters but {Nfc(name).Length} UTF-16 code units; a platform counting code units would refuse it"));
        }

        var extension = Extension(name);
        if (extension.Length == 0)
        {
            errors.Add(new AttachmentProblem(AttachmentRule.MissingExtension, "the name has no extension (an allowed extension such as .pdf is mandatory)"));
            return;
        }

        if (name.Length == extension.Length + 1)
        {
            errors.Add(new AttachmentProblem(AttachmentRule.EmptyName, "the name has nothing before its extension"));
        }

        if (!_extensions.Contains(extension))
        {
            errors.Add(new AttachmentProblem(AttachmentRule.ExtensionNotAllowed, $"the extension .{extension} is not allowed"));
        }
    }

    // The extension is what follows the last dot; "noext" and "name." have none.
    private static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? string.Empty : name.Substring(dot + 1);
    }

    private static string Nfc(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; count the name as it is.
            return name;
        }
    }

    private static string ModeName(DepositMode mode) => mode switch
    {
        DepositMode.Portal => "portal",
        DepositMode.Api => "API",
        DepositMode.XmlBatch => "XML batch",
        _ => "EDI",
    };

    internal static string Size(long bytes) => bytes >= AttachmentPolicy.Megabyte
        ? string.Format(CultureInfo.InvariantCulture, "{0:0.##} MB ({1:N0} bytes)", bytes / (double)AttachmentPolicy.Megabyte, bytes)
        : string.Format(CultureInfo.InvariantCulture, "{0:N0} bytes", bytes);
}
