namespace Chorus.Signature.Internal;

/// <summary>Argument checks that compile the same on netstandard2.0 and net8.0.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string name)
        where T : class => value ?? throw new ArgumentNullException(name);

    public static bool ContainsOrdinal(string text, string value) =>
#if NET8_0_OR_GREATER
        text.Contains(value, StringComparison.Ordinal);
#else
        text.IndexOf(value, StringComparison.Ordinal) >= 0;
#endif

    public static string ReplaceOrdinal(string text, string oldValue, string newValue) =>
#if NET8_0_OR_GREATER
        text.Replace(oldValue, newValue, StringComparison.Ordinal);
#else
        text.Replace(oldValue, newValue);
#endif

    public static string WithoutDashes(string text) => string.Concat(text.Split('-'));
}
