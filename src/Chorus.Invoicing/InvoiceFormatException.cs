using System.Globalization;

namespace Chorus.Invoicing;

/// <summary>
/// The input cannot be read as an invoice at all: not XML, not well-formed, truncated, a DTD or entity declaration, an
/// unknown root element, or past a size or depth limit. Carries where reading stopped. (A readable invoice that breaks
/// rules is not an exception: validation reports it.)
/// </summary>
public sealed class InvoiceFormatException : Exception
{
    /// <summary>An exception with a reason and the position where reading stopped (0 when unknown).</summary>
    public InvoiceFormatException(string reason, int line = 0, int position = 0, Exception? innerException = null)
        : base(Describe(reason, line, position), innerException)
    {
        Reason = reason;
        Line = line;
        Position = position;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>1-based line where reading stopped, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column where reading stopped, 0 when unknown.</summary>
    public int Position { get; }

    private static string Describe(string reason, int line, int position) =>
        line > 0 ? string.Format(CultureInfo.InvariantCulture, "{0} (line {1}, position {2})", reason, line, position) : reason;
}
