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
            total = file.Length > long.MaxValue - total ? long.MaxValue : total + file.Length;
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
        if (file.Length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(file), file.Length, $"attachment '{file.Name}': a size cannot be negative");
        }

        List<AttachmentProblem>? errors = null, warnings = null;
        var name = file.Name ?? string.Empty;
        CheckName(name, ref errors, ref warnings);
        if (file.Length > Policy.MaxFileBytes)
        {
            Add(ref errors, AttachmentRule.FileTooLarge, $"{Size(file.Length)}, over the {Size(Policy.MaxFileBytes)} limit per file");
        }
        else if (file.Length == 0)
        {
            Add(ref warnings, AttachmentRule.EmptyFile, "the file is empty");
        }

        if (Policy.SniffContent && file.Length > 0 && !file.Head.IsEmpty
            && ContentSniffer.Mismatch(Extension(name), file.Head.Span.Slice(0, Math.Min(file.Head.Length, HeadLength))) is { } expected)
        {
            Add(ref warnings, AttachmentRule.ContentMismatch, $"the content does not look like {expected}");
        }

        return new AttachmentVerdict(name, file.Length, errors ?? (IReadOnlyList<AttachmentProblem>)[], warnings ?? (IReadOnlyList<AttachmentProblem>)[]);
    }

    /// <summary>
    /// The length of <paramref name="name"/> in characters: Unicode scalar values (code points) after NFC normalisation,
    /// so a precomposed or decomposed "é" counts once and an emoji counts once.
    /// </summary>
    public static int CharacterCount(string name) => Count(name, out _);

    // Code points after NFC, and UTF-16 code units after NFC. Fast path: below U+0300 (the first combining mark) every
    // character is already NFC and one code point. Not grapheme clusters: their rules differ between .NET Framework and
    // .NET 5+ (the same name would get two verdicts), and a cluster can hide thousands of combining marks.
    private static int Count(string name, out int codeUnits)
    {
        var simple = true;
        foreach (var c in name)
        {
            if (c >= '\u0300')
            {
                simple = false;
                break;
            }
        }

        var nfc = simple ? name : Nfc(name);
        codeUnits = nfc.Length;
        var count = nfc.Length;
        for (var i = 0; i + 1 < nfc.Length; i++)
        {
            if (char.IsSurrogatePair(nfc[i], nfc[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    private void CheckName(string name, ref List<AttachmentProblem>? errors, ref List<AttachmentProblem>? warnings)
    {
        var characters = Count(name, out var codeUnits);
        if (characters > Policy.MaxNameLength)
        {
            Add(ref errors, AttachmentRule.NameTooLong, $"the name has {characters} characters, over the limit of {Policy.MaxNameLength} (extension included)");
        }
        else if (codeUnits > Policy.MaxNameLength)
        {
            Add(ref warnings, AttachmentRule.NameTooLongInCodeUnits,
                $"the name has {characters} characters but {codeUnits} UTF-16 code units; a platform counting code units would refuse it");
        }

        var extension = Extension(name);
        if (extension.Length == 0)
        {
            Add(ref errors, AttachmentRule.MissingExtension, "the name has no extension (an allowed extension such as .pdf is mandatory)");
            return;
        }

        if (name.Length == extension.Length + 1)
        {
            Add(ref errors, AttachmentRule.EmptyName, "the name has nothing before its extension");
        }

        if (!_extensions.Contains(extension))
        {
            Add(ref errors, AttachmentRule.ExtensionNotAllowed, $"the extension .{extension} is not allowed");
        }
    }

    private static void Add(ref List<AttachmentProblem>? list, AttachmentRule rule, string message) =>
        (list ??= []).Add(new AttachmentProblem(rule, message));

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
