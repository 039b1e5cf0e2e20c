namespace Chorus.Invoicing.Attachments;

/// <summary>
/// The attachment rules Chorus Pro applies, as data a host can adjust when Chorus Pro changes them:
/// <c>AttachmentPolicy.ChorusPro with { MaxFileBytes = 20 * AttachmentPolicy.Megabyte }</c>. Checked by
/// <see cref="AttachmentChecker"/>, which validates the policy when it is built.
/// </summary>
/// <remarks>
/// <para><b>"Mo" is read as 10^6 bytes.</b> Chorus Pro states its limits in Mo (mégaoctets) without saying which; the SI
/// and IEC 80000-13 define the mégaoctet as 10^6 octets, and 10^6 is also the stricter reading (10 MB = 10,000,000 bytes
/// &lt; 10 MiB = 10,485,760 bytes). A file set that passes here therefore passes under either reading; the price is that a
/// file between 10,000,001 and 10,485,760 bytes is refused here although Chorus Pro might accept it. A host that knows
/// better sets the limits in <see cref="Mebibyte"/>s.</para>
/// <para><b>Name length is counted in characters, not bytes</b>: the name is normalised to NFC, then its Unicode code
/// points are counted, so "é" counts once whether typed precomposed (U+00E9) or decomposed (e + U+0301, as macOS file
/// systems store it), and an emoji counts once. Not grapheme clusters: their rules differ between .NET Framework and
/// .NET 5+ (one name, two verdicts) and one cluster can hide any number of combining marks. A name that fits in
/// characters but not in UTF-16 code units (emoji, characters outside the BMP) gets a warning, since a platform counting
/// code units (Java's <c>String.length()</c>) would refuse it.</para>
/// <para>Sources: the Chorus Pro portal documentation on attachments (domain.md §6): name ≤ 50 characters extension
/// included, extension mandatory and in the allowed list, each attachment ≤ 10 Mo; billing file ≤ 120 Mo for entry, PDF
/// upload and API, ≤ 30 Mo for an XML batch; an EDI flow ≤ 1 Go. The per-file limit is stated for portal and API; we
/// apply it to every mode (the conservative reading), a host may lift it.</para>
/// </remarks>
public sealed record AttachmentPolicy
{
    /// <summary>One megabyte as Chorus Pro's "Mo" is read here: 10^6 bytes.</summary>
    public const long Megabyte = 1_000_000;

    /// <summary>One mebibyte (2^20 bytes), for hosts that want the binary reading.</summary>
    public const long Mebibyte = 1 << 20;

    /// <summary>The extensions Chorus Pro accepts for attachments (domain.md §6), lower case, without the dot.</summary>
    public static IReadOnlyList<string> ChorusProExtensions { get; } =
    [
        "bmp", "gif", "fax", "odt", "ppt", "tiff", "xls", "bz2", "gz", "jpeg", "p7s", "rtf", "txt", "xml", "csv", "gzip",
        "jpg", "pdf", "svg", "xhtml", "xlsx", "doc", "htm", "odp", "png", "tgz", "xlc", "zip", "docx", "html", "ods",
        "pps", "tif", "xlm", "pptx",
    ];

    /// <summary>The rules Chorus Pro publishes today.</summary>
    public static AttachmentPolicy ChorusPro { get; } = new();

    /// <summary>Maximum name length in characters, extension included (50).</summary>
    public int MaxNameLength { get; init; } = 50;

    /// <summary>The allowed extensions, compared case-insensitively, without the dot.</summary>
    public IReadOnlyCollection<string> AllowedExtensions { get; init; } = ChorusProExtensions;

    /// <summary>Maximum size of each file in bytes (10 MB).</summary>
    public long MaxFileBytes { get; init; } = 10 * Megabyte;

    /// <summary>Maximum total of a portal entry or PDF upload billing file, in bytes (120 MB).</summary>
    public long PortalTotalBytes { get; init; } = 120 * Megabyte;

    /// <summary>Maximum total of an API deposit, in bytes (120 MB).</summary>
    public long ApiTotalBytes { get; init; } = 120 * Megabyte;

    /// <summary>Maximum total of an XML batch, in bytes (30 MB).</summary>
    public long XmlBatchTotalBytes { get; init; } = 30 * Megabyte;

    /// <summary>Maximum total of an EDI flow, in bytes (1 GB = 10^9 bytes).</summary>
    public long EdiTotalBytes { get; init; } = 1000 * Megabyte;

    /// <summary>Whether to sniff file contents and warn when they do not match the extension (a .pdf that is not a PDF…).</summary>
    public bool SniffContent { get; init; } = true;

    /// <summary>The total limit for <paramref name="mode"/>, in bytes.</summary>
    public long TotalLimit(DepositMode mode) => mode switch
    {
        DepositMode.Portal => PortalTotalBytes,
        DepositMode.Api => ApiTotalBytes,
        DepositMode.XmlBatch => XmlBatchTotalBytes,
        DepositMode.Edi => EdiTotalBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown deposit mode"),
    };

    /// <summary>Throws <see cref="ArgumentException"/> when a limit is not positive or the extension list is empty or holds a blank or dotted entry.</summary>
    public void Validate()
    {
        if (MaxNameLength <= 0 || MaxFileBytes <= 0 || PortalTotalBytes <= 0 || ApiTotalBytes <= 0 || XmlBatchTotalBytes <= 0 || EdiTotalBytes <= 0)
        {
            throw new ArgumentException("attachment policy: every limit must be positive");
        }

        if (AllowedExtensions is null || AllowedExtensions.Count == 0)
        {
            throw new ArgumentException("attachment policy: the allowed extension list is empty");
        }

        foreach (var ext in AllowedExtensions)
        {
            if (string.IsNullOrWhiteSpace(ext) || ext.Split('.').Length > 1)
            {
                throw new ArgumentException($"attachment policy: extension '{ext}' must be a non-empty word without a dot");
            }
        }
    }
}
