using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>The reform's BR-FR rules.</summary>
internal static class FrCtcRules
{
    public static void Check(XNode root, string syntax, List<ValidationProblem> problems)
    {
        _ = root;
        _ = syntax;
        _ = problems;
    }
}
