using Chorus.Invoicing.Validation.Internal.XPath;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>Chorus Pro's own rules (CHORUS-…).</summary>
internal static class ChorusRules
{
    public static void Check(XNode root, string syntax, IBuyerDirectory? directory, List<ValidationProblem> problems)
    {
        _ = directory;
        _ = root;
        _ = syntax;
        _ = problems;
    }
}
