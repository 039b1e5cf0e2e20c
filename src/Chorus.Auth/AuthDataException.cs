namespace Chorus.Auth;

/// <summary>
/// Stored authentication data cannot be read: a protected secret fails its integrity check (tampered, wrong key, moved to
/// another account) or has an unknown format. The message says what and where, never the data.
/// </summary>
public sealed class AuthDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, without secret material.</param>
    /// <param name="location">Where: the kind of record and the account.</param>
    public AuthDataException(string message, string location)
        : base($"{message} ({location})")
    {
        Location = location;
    }

    /// <summary>Creates the exception with the underlying cause.</summary>
    public AuthDataException(string message, string location, Exception inner)
        : base($"{message} ({location})", inner)
    {
        Location = location;
    }

    /// <summary>Where the unreadable data was: the kind of record and the account.</summary>
    public string Location { get; }
}
