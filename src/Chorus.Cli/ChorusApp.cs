using System.CommandLine;
using System.CommandLine.Help;
using Chorus.Cli.Commands;
using Chorus.Cli.Infrastructure;

namespace Chorus.Cli;

/// <summary>The <c>chorus</c> command line: builds the command tree and runs one invocation.</summary>
internal static class ChorusApp
{
    /// <summary>Runs the CLI with the given arguments and writers; returns the exit code (0, 1 or 2, see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };

        // --help and --version win over parse errors (e.g. `chorus id --help` without values).
        var versionAsked = root.Options.OfType<VersionOption>().Any(o => parse.GetResult(o) is not null);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction && !versionAsked)
        {
            return Fail(console, args, $"{parse.Errors[0].Message} (see 'chorus {CommandPath(parse)}--help')");
        }

        try
        {
            return parse.Invoke(config);
        }
        catch (CliUsageException ex)
        {
            return Fail(console, args, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(console, args, ex.Message);
        }
    }

    /// <summary>Exit 2: one line on stderr and, under --json, the contract's <c>{ "error": "…" }</c> on stdout.</summary>
    private static int Fail(CliConsole console, string[] args, string message)
    {
        console.Error(message);
        if (Array.IndexOf(args, "--json") >= 0 && !console.JsonWritten)
        {
            console.JsonError(message);
        }

        return ExitCodes.Unreadable;
    }

    /// <summary>Every command of the contract (docs/cli.md). One file per command under Commands/.</summary>
    internal static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("chorus: French public e-invoicing (Chorus Pro) and the 2026 B2B reform, from the command line.")
        {
            IdCommand.Create(console),
            DirectoryCommand.Create(console),
            TotpCommand.Create(console),
            LifecycleCommand.Create(console),
            AttachmentsCommand.Create(console),
            ValidateCommand.Create(console),
            InspectCommand.Create(console),
            FacturXCommand.Create(console),
            ConvertCommand.Create(console),
            SignatureCommand.Create(console),
            CertificateCommand.Create(console),
        };
        return root;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null && r.Command is not RootCommand; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, r.Command.Name);
        }

        return names.Count == 0 ? string.Empty : string.Join(" ", names) + " ";
    }
}
