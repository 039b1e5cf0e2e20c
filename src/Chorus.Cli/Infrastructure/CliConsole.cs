using System.Text.Json;

namespace Chorus.Cli.Infrastructure;

/// <summary>Where a command writes: standard output for results, standard error for one-line errors.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Writes one error line, prefixed with the program name, to standard error.</summary>
    public void Error(string message) => error.WriteLine("chorus: " + OneLine(message));

    /// <summary>True once a JSON document was written: the contract allows exactly one per run.</summary>
    public bool JsonWritten { get; private set; }

    /// <summary>Writes exactly one JSON document to standard output.</summary>
    public void Json<T>(T value)
    {
        JsonWritten = true;
        Out.WriteLine(JsonSerializer.Serialize(value, CliJson.Options.GetTypeInfo(typeof(T))));
    }

    /// <summary>Writes the <c>{ "error": "…" }</c> document of the contract for exit 2 without a result.</summary>
    public void JsonError(string message) => Json(new ErrorDocument(OneLine(message)));

    private static string OneLine(string message) => message.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

/// <summary>The JSON body printed with exit code 2 when no result can be given.</summary>
internal sealed record ErrorDocument(string Error);
