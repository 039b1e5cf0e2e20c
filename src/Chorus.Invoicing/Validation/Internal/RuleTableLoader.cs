using Chorus.Invoicing.Validation.Internal.Schematron;
using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>Loads an embedded rule table and turns its failures into problems.</summary>
internal static class RuleTableLoader
{
    public static SchematronRules Load(string path)
    {
        using var s = EmbeddedResources.Open(path);
        return SchematronRules.Load(s);
    }

    /// <summary>Failures as problems; the id is the table's, or the <c>[ID]</c> that starts the message when the table has none.</summary>
    public static void AddProblems(List<RuleFailure> failures, string prefix, List<ValidationProblem> problems)
    {
        foreach (var f in failures)
        {
            var severity = f.Assertion.IsReport || f.Assertion.Flag is "warning" or "information" ? ValidationSeverity.Warning : ValidationSeverity.Fatal;
            var message = f.Error is null ? f.Assertion.Message : f.Assertion.Message + " (the test could not be evaluated: " + f.Error + ")";
            var id = f.Assertion.Id.Length > 0 ? f.Assertion.Id : BracketId(f.Assertion.Message) ?? prefix;
            problems.Add(new ValidationProblem(id, severity, message, f.Node.Path()));
        }
    }

    public static string? BracketId(string message)
    {
        var m = message.TrimStart();
        if (m.Length < 3 || m[0] != '[')
        {
            return null;
        }

        var end = m.IndexOf(']');
        return end > 1 ? m.Substring(1, end - 1) : null;
    }

    public static string? Text(XNode root, params string[] path) => DocumentKind.Path(root, path)?.StringValue.Trim() is { Length: > 0 } v ? v : null;
}
