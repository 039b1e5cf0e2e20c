using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Chorus.Cli.Commands;

namespace Chorus.Cli.Infrastructure;

/// <summary>
/// The one JSON setup of the CLI: camelCase, nulls written (the contract says <c>null</c> for unknown values), enums as
/// camelCase strings, UTF-8 without escaping accents. Output types are source-generated in <see cref="CliJsonContext"/>;
/// a type not listed there falls back to reflection, so a new command works before it is registered.
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(CliJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated serialisers for the CLI's output documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(IdCommand.IdResult[]))]
[JsonSerializable(typeof(ValidateCommand.FileResult))]
[JsonSerializable(typeof(ValidateCommand.FileResult[]))]
[JsonSerializable(typeof(InspectCommand.InspectResult))]
[JsonSerializable(typeof(FacturXCommand.ExtractResult))]
[JsonSerializable(typeof(FacturXCommand.CreateResult))]
[JsonSerializable(typeof(ConvertCommand.ConvertResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
