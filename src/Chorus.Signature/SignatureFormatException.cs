namespace Chorus.Signature;

/// <summary>The input cannot be read as a signed document at all (not a PDF, CMS or XML signature; truncated…).</summary>
public sealed class SignatureFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SignatureFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SignatureFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public SignatureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message and where in the input it failed.</summary>
    public SignatureFormatException(string message, string location)
        : base(message + " (at " + location + ")") => Location = location;

    /// <summary>Where the input could not be read (byte offset, element), when known.</summary>
    public string? Location { get; }
}
