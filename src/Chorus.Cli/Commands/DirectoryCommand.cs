using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Directory;
using Chorus.Directory.Annuaire;
using Chorus.Directory.Identifiers;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus directory lookup --annuaire &lt;file&gt; &lt;siret&gt;... [--service] [--engagement] [--json]</c>: routing checks.</summary>
internal static class DirectoryCommand
{
    /// <summary>One service of a structure, as the contract's JSON.</summary>
    internal sealed record ServiceResult(string Code, string Name, bool Active);

    /// <summary>One SIRET's routing verdict, as the contract's JSON (null where the structure is unknown), plus <c>moaOnly</c>.</summary>
    internal sealed record LookupResult(
        string Siret,
        bool Found,
        bool? Active,
        string? Name,
        bool? ServiceCodeRequired,
        bool? EngagementRequired,
        bool? PaymentStatusReported,
        ServiceResult[]? Services,
        bool Routable,
        IReadOnlyList<string> Problems,
        bool? MoaOnly = null);

    public static Command Create(CliConsole console)
    {
        var command = new Command("directory", "The public-entity directory (annuaire des structures publiques).");
        command.Subcommands.Add(CreateLookup(console));
        return command;
    }

    private static Command CreateLookup(CliConsole console)
    {
        var sirets = new Argument<string[]>("siret")
        {
            Description = "SIRET(s) of the recipient structure(s); spaces and dots are ignored.",
            Arity = ArgumentArity.OneOrMore,
        };
        var annuaire = new Option<FileInfo>("--annuaire")
        {
            Description = "The directory file: the canonical CSV (UTF-8, ';', header row; see docs/cli.md).",
            Required = true,
        };
        var service = new Option<string?>("--service") { Description = "The code service (BT-10) the invoice names." };
        var engagement = new Option<string?>("--engagement") { Description = "The engagement number (BT-13) the invoice carries." };
        var json = CommonOptions.Json();
        var command = new Command("lookup", "Check that invoices to these SIRETs can be routed (structure active, code service and engagement as the directory requires).")
        {
            sirets, annuaire, service, engagement, json,
        };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            var file = parse.GetValue(annuaire)!;
            InMemoryPublicEntityDirectory directory;
            try
            {
                if (!file.Exists)
                {
                    return Unreadable(console, asJson, $"directory lookup: file not found: {file}");
                }

                directory = InMemoryPublicEntityDirectory.Load(file.FullName);
            }
            catch (DirectoryFormatException ex)
            {
                return Unreadable(console, asJson, $"directory lookup: {file}: {ex.Message}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Unreadable(console, asJson, $"directory lookup: {file}: {ex.Message}");
            }

            var code = parse.GetValue(service);
            var ej = parse.GetValue(engagement);
            var inputs = parse.GetValue(sirets) ?? [];
            var results = new LookupResult[inputs.Length];
            for (var i = 0; i < inputs.Length; i++)
            {
                results[i] = Lookup(directory, inputs[i], code, ej);
            }

            if (asJson)
            {
                if (results.Length == 1)
                {
                    console.Json(results[0]);
                }
                else
                {
                    console.Json(results);
                }
            }
            else
            {
                foreach (var r in results)
                {
                    var name = r.Name is null ? string.Empty : $" ({r.Name})";
                    console.Out.WriteLine($"{r.Siret}{name}: {(r.Routable ? "routable" : "not routable")}");
                    foreach (var problem in r.Problems)
                    {
                        console.Out.WriteLine($"  - {problem}");
                    }
                }
            }

            return ExitCodes.Verdict(results.All(r => r.Routable));
        });
        return command;
    }

    internal static LookupResult Lookup(InMemoryPublicEntityDirectory directory, string input, string? serviceCode, string? engagement)
    {
        var error = Siret.TryParse(input.AsSpan(), out var siret);
        if (error != IdentifierError.None)
        {
            return new LookupResult(input, false, null, null, null, null, null, null, false, [$"Wrong recipient: '{input}' is not a valid SIRET ({error.Describe("SIRET")})."]);
        }

        var check = directory.CheckRouting(siret, serviceCode, engagement);
        var s = check.IsFound ? directory.Find(siret) : null;
        if (s is null)
        {
            return new LookupResult(siret.ToString(), false, null, null, null, null, null, null, false, check.Reasons());
        }

        var services = new ServiceResult[s.Services.Count];
        for (var k = 0; k < services.Length; k++)
        {
            services[k] = new ServiceResult(s.Services[k].Code, s.Services[k].Name, s.Services[k].IsActive);
        }

        return new LookupResult(
            siret.ToString(), true, s.IsActive, s.Name, s.ServiceCodeRequired, s.EngagementRequired, s.PaymentStatusReported,
            services, check.IsRoutable, check.Reasons(), s.MoaOnly);
    }

    private static int Unreadable(CliConsole console, bool json, string message)
    {
        if (json)
        {
            console.JsonError(message);
        }

        console.Error(message);
        return ExitCodes.Unreadable;
    }
}
