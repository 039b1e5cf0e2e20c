using System.Reflection;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>The schemas and rule sources embedded in the assembly, by their path under Validation/Resources/.</summary>
internal static class EmbeddedResources
{
    private const string Prefix = "Chorus.Invoicing.Validation/";
    private static readonly Assembly Assembly = typeof(EmbeddedResources).Assembly;
    private static readonly Dictionary<string, string> ByPath = Assembly.GetManifestResourceNames()
        .Where(static n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(static n => n.Substring(Prefix.Length).Replace('\\', '/'), static n => n, StringComparer.OrdinalIgnoreCase);

    public static bool Exists(string path) => ByPath.ContainsKey(path);

    public static Stream Open(string path) =>
        ByPath.TryGetValue(path, out var name) && Assembly.GetManifestResourceStream(name) is { } s
            ? s
            : throw new FileNotFoundException("embedded resource not found: " + path);
}
