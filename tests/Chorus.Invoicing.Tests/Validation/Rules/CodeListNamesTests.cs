using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// The code-list walk tests an element only against the rules that declare its local name: on every element of every
/// UBL and CII example (and of its rule fragments), a rule's context that matches must have declared that name.
/// </summary>
public sealed class CodeListNamesTests
{
    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void Contexts_EveryElementOfTheExamples_MatchOnlyDeclaredNames(string folder)
    {
        var rules = CodeListRules.Contexts(folder == "ubl" ? RuleSyntax.Ubl : RuleSyntax.Cii).ToList();
        var matched = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(TestData.PathOf(folder), "*.xml", SearchOption.AllDirectories))
        {
            XNode document;
            try
            {
                using var reader = XmlReader.Create(file, InvoiceValidator.SafeSettings(null));
                document = XTreeBuilder.Build(reader);
            }
            catch (XTreeException)
            {
                continue;
            }

            foreach (var element in Elements(document))
            {
                foreach (var (id, locals, context) in rules)
                {
                    if (context(element))
                    {
                        matched++;
                        Assert.True(Array.IndexOf(locals, element.LocalName) >= 0, $"{id} matches {element.Path()} in {file}, whose name it does not declare");
                    }
                }
            }
        }

        Assert.True(matched > 100, $"only {matched} matches");
    }

    private static IEnumerable<XNode> Elements(XNode node)
    {
        foreach (var child in node.Children)
        {
            if (child.Kind == XNodeKind.Element)
            {
                yield return child;
                foreach (var e in Elements(child))
                {
                    yield return e;
                }
            }
        }
    }
}
