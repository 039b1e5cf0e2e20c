using System.CommandLine;
using Chorus.Cli.Infrastructure;
using Chorus.Invoicing;
using Chorus.Invoicing.FacturX;
using Chorus.Invoicing.Lifecycle;
using Chorus.Invoicing.Model;
using Chorus.Invoicing.Pdf;

namespace Chorus.Cli.Commands;

/// <summary><c>chorus lifecycle next|statuses|recycle-check</c>: the Chorus Pro invoice status lifecycle.</summary>
internal static class LifecycleCommand
{
    /// <summary>The answer of <c>lifecycle next</c>, as the contract's JSON.</summary>
    internal sealed record NextResult(string From, string Action, bool Allowed, string? To, string? Actor, bool ReasonRequired, string? Reason);

    /// <summary>One changed term of <c>lifecycle recycle-check</c> (<c>name</c> is ours: the term's English name).</summary>
    internal sealed record ChangeResult(string Field, string Name, string? Before, string? After, bool Allowed);

    /// <summary>The answer of <c>lifecycle recycle-check</c>, as the contract's JSON (<c>sent</c>, <c>resent</c> are ours).</summary>
    internal sealed record RecycleResult(string Sent, string Resent, bool Allowed, ChangeResult[] Changed);

    /// <summary>One status of <c>lifecycle statuses</c>.</summary>
    internal sealed record StatusRow(string Code, string Label, int? ReformCode, string? ReformLabel, bool? ReformMandatory, string[] Actions);

    public static Command Create(CliConsole console)
    {
        var command = new Command("lifecycle", "The Chorus Pro invoice status lifecycle: what may happen next, the statuses and their reform counterparts, recycling checks.")
        {
            Next(console),
            Statuses(console),
            RecycleCheckCommand(console),
        };
        return command;
    }

    private static Command Next(CliConsole console)
    {
        var status = new Argument<string>("status") { Description = "The current Chorus Pro status code (DEPOSEE, MISE_A_DISPOSITION, A_RECYCLER, SUSPENDUE, REJETEE…)." };
        var action = new Argument<string>("action") { Description = "A status the recipient, validator or accountant sets (A_RECYCLER, SUSPENDUE, REJETEE, SERVICE_FAIT, MISE_EN_PAIEMENT…) or a supplier action: RECYCLER, COMPLETER, TRAITER, ACQUITTER." };
        var json = CommonOptions.Json();
        var command = new Command("next", "Is an action allowed on an invoice in a status, who performs it, and what status follows? Exit 0 allowed, 1 not, 2 unknown status or action.") { status, action, json };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            var statusText = parse.GetValue(status) ?? string.Empty;
            var actionText = parse.GetValue(action) ?? string.Empty;
            if (!InvoiceStatuses.TryParse(statusText, out var from))
            {
                return Unknown(console, asJson, $"unknown status '{statusText}'; valid statuses: {string.Join(", ", InvoiceStatuses.All.Select(s => s.Code))}");
            }

            if (!LifecycleAction.TryParse(actionText, out var act))
            {
                return Unknown(console, asJson, $"unknown action '{actionText}'; valid actions: {string.Join(", ", LifecycleAction.AllCodes)}");
            }

            var d = ChorusProLifecycle.Next(from, act);
            var result = new NextResult(from.Code(), act.Code, d.IsAllowed, d.To?.Code(), d.Actor?.Code(), d.ReasonRequired, d.Reason);
            if (asJson)
            {
                console.Json(result);
            }
            else if (result.Allowed)
            {
                console.Out.WriteLine($"{result.From} --{result.Action}--> {result.To} (by {result.Actor}{(result.ReasonRequired ? ", reason required" : "")})");
            }
            else
            {
                console.Out.WriteLine($"{result.From} --{result.Action}--> not allowed: {result.Reason}");
            }

            return ExitCodes.Verdict(result.Allowed);
        });
        return command;
    }

    private static Command Statuses(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("statuses", "List the Chorus Pro statuses with their French labels, their reform (2026) counterparts and the actions allowed from each.") { json };
        command.SetAction(parse =>
        {
            var rows = InvoiceStatuses.All.Select(s =>
            {
                var reform = ReformMapping.ToReform(s.Status);
                var info = reform?.Info();
                var actions = ChorusProLifecycle.From(s.Status).Select(t => t.Action.Code).ToArray();
                return new StatusRow(s.Code, s.Label, info?.Code, info?.Label, info?.Mandatory, actions);
            }).ToArray();
            if (parse.GetValue(json))
            {
                console.Json(rows);
            }
            else
            {
                foreach (var r in rows)
                {
                    var reform = r.ReformCode is null ? "" : $" [reform {r.ReformCode} {r.ReformLabel}{(r.ReformMandatory == true ? ", mandatory" : "")}]";
                    var next = r.Actions.Length == 0 ? "final" : "next: " + string.Join(", ", r.Actions);
                    console.Out.WriteLine($"{r.Code} — {r.Label}{reform} — {next}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RecycleCheckCommand(CliConsole console)
    {
        var sent = new Argument<string>("sent") { Description = "The invoice as sent (UBL, CII or Factur-X PDF)." };
        var resent = new Argument<string>("resent") { Description = "The invoice to resend as its recycling." };
        var json = CommonOptions.Json();
        var command = new Command("recycle-check", "May 'resent' be sent as the recycling of 'sent'? Only the recipient identifier, the code service (BT-10) and the engagement number (BT-13) may differ; the invoice number (BT-1) must be the same. Exit 0 allowed, 1 not, 2 unreadable.") { sent, resent, json };
        command.SetAction(parse =>
        {
            var asJson = parse.GetValue(json);
            var (sentPath, resentPath) = (parse.GetValue(sent) ?? string.Empty, parse.GetValue(resent) ?? string.Empty);
            // An unreadable invoice is a CliUsageException: ChorusApp prints the line and, under --json, {error}.
            var (before, after) = (ReadInvoice(sentPath), ReadInvoice(resentPath));

            var check = RecycleCheck.Compare(before, after);
            var result = new RecycleResult(sentPath, resentPath, check.IsAllowed,
                [.. check.Changes.Select(c => new ChangeResult(c.Field, c.Name, c.Before, c.After, c.Allowed))]);
            if (asJson)
            {
                console.Json(result);
            }
            else
            {
                foreach (var c in result.Changed)
                {
                    console.Out.WriteLine($"{c.Field} {c.Name}: {c.Before ?? "(none)"} -> {c.After ?? "(none)"} {(c.Allowed ? "allowed" : "NOT allowed")}");
                }

                console.Out.WriteLine(result.Allowed
                    ? $"allowed: {resentPath} may be sent as the recycling of {sentPath} ({result.Changed.Length} change(s))"
                    : $"not allowed: {resentPath} changes more than the routing data of {sentPath}; issue a new invoice with a new number");
            }

            return ExitCodes.Verdict(result.Allowed);
        });
        return command;
    }

    // UBL, CII or ZUGFeRD XML, or a Factur-X/ZUGFeRD PDF (its embedded invoice); any reading failure is exit 2.
    private static Invoice ReadInvoice(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"lifecycle recycle-check: file not found: {path}");
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            if (LooksLikePdf(bytes))
            {
                var pdf = FacturXDocument.Read(bytes);
                if (pdf.Invoice is null)
                {
                    throw new CliUsageException($"lifecycle recycle-check: {path}: PDF without an embedded Factur-X/ZUGFeRD invoice");
                }

                using var xml = pdf.Invoice.OpenRead();
                return InvoiceXml.Read(xml).Invoice;
            }

            return InvoiceXml.Read(bytes).Invoice;
        }
        catch (InvoiceFormatException ex)
        {
            throw new CliUsageException($"lifecycle recycle-check: {path}: unreadable invoice: {ex.Message}");
        }
        catch (PdfFormatException ex)
        {
            throw new CliUsageException($"lifecycle recycle-check: {path}: unreadable PDF: {ex.Message}");
        }
        catch (NotSupportedException ex)
        {
            // A syntax whose reader is not in this build yet.
            throw new CliUsageException($"lifecycle recycle-check: {path}: {ex.Message}");
        }
    }

    private static bool LooksLikePdf(byte[] bytes) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    private static int Unknown(CliConsole console, bool asJson, string message)
    {
        if (asJson)
        {
            console.JsonError(message);
        }

        console.Error(message);
        return ExitCodes.Unreadable;
    }
}
