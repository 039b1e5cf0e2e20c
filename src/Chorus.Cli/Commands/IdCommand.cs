using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Directory.Identifiers;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus id &lt;value&gt;... [--json]</c>: classify and check identifiers.</summary>
internal static class IdCommand
{
    /// <summary>One identifier's verdict, as the contract's JSON.</summary>
    internal sealed record IdResult(string Input, string Kind, bool Valid, string? Siren, string? Reason);

    public static Command Create(CliConsole console)
    {
        var values = new Argument<string[]>("value")
        {
            Description = "SIREN (9 digits), SIRET (14 digits) or French VAT number (FR + 11 characters); spaces, dots and dashes are ignored.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var file = new Option<FileInfo?>("--file")
        {
            Description = "Also read values from a text file, one per line (blank lines and lines starting with # are skipped).",
        };
        var type = new Option<string?>("--type")
        {
            Description = "Check every value as this Chorus Pro structure identifier type instead of by shape: SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, AUTRE, PARTICULIER.",
        };
        var json = CommonOptions.Json();
        var command = new Command("id", "Classify identifiers by their shape and check their check digits.") { values, file, type, json };
        command.SetAction(parse =>
        {
            var inputs = (parse.GetValue(values) ?? []).Concat(ReadValues(parse.GetValue(file))).ToArray();
            if (inputs.Length == 0)
            {
                throw new CliUsageException("id: give at least one value, or --file <path>");
            }

            var typeCode = parse.GetValue(type);
            StructureIdentifierType? structureType = null;
            if (typeCode is not null)
            {
                if (!StructureIdentifierTypes.TryParse(typeCode, out var parsed))
                {
                    throw new CliUsageException($"id: unknown --type '{typeCode}' (SIRET, UE_HORS_FRANCE, HORS_UE, RIDET, TAHITI, AUTRE, PARTICULIER)");
                }

                structureType = parsed;
            }

            var results = inputs.Select(i => Check(i, structureType)).ToArray();
            if (parse.GetValue(json))
            {
                console.Json(results);
            }
            else
            {
                foreach (var r in results)
                {
                    var detail = r.Valid ? (r.Siren is null ? "valid" : $"valid (SIREN {r.Siren})") : $"invalid: {r.Reason}";
                    console.Out.WriteLine($"{r.Input}: {r.Kind} {detail}");
                }
            }

            return ExitCodes.Verdict(results.All(r => r.Valid));
        });
        return command;
    }

    private static List<string> ReadValues(FileInfo? file)
    {
        if (file is null)
        {
            return [];
        }

        if (!file.Exists)
        {
            throw new CliUsageException($"id: file not found: {file}");
        }

        return File.ReadLines(file.FullName)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
    }

    internal static IdResult Check(string input, StructureIdentifierType? type = null)
    {
        var check = type is { } t ? IdentifierClassifier.Check(t, input) : IdentifierClassifier.Check(input);
        var kind = check.Kind switch
        {
            IdentifierKind.Siren => "siren",
            IdentifierKind.Siret => "siret",
            IdentifierKind.Vat => "vat",
            IdentifierKind.EuVat => "euVat",
            IdentifierKind.OutsideEu => "outsideEu",
            IdentifierKind.Ridet => "ridet",
            IdentifierKind.Tahiti => "tahiti",
            IdentifierKind.PendingRegistration => "pendingRegistration",
            IdentifierKind.PrivateIndividual => "privateIndividual",
            _ => "unknown",
        };
        return new IdResult(input, kind, check.IsValid, check.Siren?.ToString(), check.Reason);
    }
}
