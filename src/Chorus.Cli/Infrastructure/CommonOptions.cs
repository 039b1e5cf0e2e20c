using System.CommandLine;

namespace Chorus.Cli.Infrastructure;

/// <summary>Options shared by several commands, declared once so their names and help stay the same.</summary>
internal static class CommonOptions
{
    /// <summary><c>--json</c>: stdout is exactly one JSON document.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write exactly one JSON document to standard output." };
}
