using System.Text;
using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The validator drives .NET's <c>XmlSchemaValidator</c> from its tree builder instead of reading through the validating
/// <c>XmlReader</c> (a quarter of the XML Schema pass's time). .NET's validating reader is the reference: on every UBL
/// and CII example and on damaged copies of them (elements dropped or doubled, values changed, xsi attributes,
/// whitespace and CDATA texts, unknown attributes, truncation), both ways must give the same schema problems (message,
/// line and column) and the same tree.
/// </summary>
public sealed partial class SchemaPassTests
{
    [Theory]
    [MemberData(nameof(TreeModelReaderTests.Examples), MemberType = typeof(TreeModelReaderTests))]
    public void DrivenValidator_ExampleAndDamagedCopies_SameProblemsAndTreeAsTheValidatingReader(string example)
    {
        var parts = example.Split('/');
        var text = File.ReadAllText(TestData.PathOf(parts[0], parts[1]));
        var inputs = new List<(string Name, string Xml)> { ("as is", text) };
        inputs.AddRange(Damaged(text, seed: example.Length));
        var schemaProblems = 0;
        foreach (var (name, xml) in inputs)
        {
            var bytes = new ArraySegment<byte>(Encoding.UTF8.GetBytes(xml));
            var (expectedStop, expectedProblems, expectedTree) = Pass(bytes, parts[0], driveValidator: false);
            var (stop, problems, tree) = Pass(bytes, parts[0], driveValidator: true);
            Assert.True(expectedStop == stop, $"{name}: stop {expectedStop} expected, {stop} given");
            Assert.True(expectedProblems.SequenceEqual(problems), $"{name}:\n{string.Join("\n", expectedProblems)}\nexpected, given\n{string.Join("\n", problems)}");
            Assert.True(expectedTree == tree, $"{name}: trees differ");
            schemaProblems += expectedProblems.Count;
        }

        // The damaged copies are meant to break the schema: a comparison of empty lists would prove nothing.
        Assert.True(schemaProblems > 0, "no schema problem among the damaged copies");
    }

    private static (string Stop, List<ValidationProblem> Problems, string Tree) Pass(ArraySegment<byte> bytes, string syntax, bool driveValidator)
    {
        var problems = new List<ValidationProblem>();
        var stopped = InvoiceValidator.SchemaPass(bytes, syntax, null, problems, out var doc, driveValidator);
        var stop = stopped is null ? "none" : string.Join("|", stopped.Problems.Select(static p => p.Rule + " " + p.Message + " " + p.Location));
        return (stop, problems, doc is null ? "" : Dump(doc));
    }

    private static string Dump(XNode document)
    {
        var sb = new StringBuilder();
        void Visit(XNode n, int depth)
        {
            sb.Append(' ', depth).Append(n.Kind).Append(' ').Append(n.Prefix).Append(':').Append(n.LocalName).Append(' ').Append(n.NamespaceUri)
                .Append(" #").Append(n.Order).Append(" L").Append(n.Line).Append(" [").Append(n.Value).Append(']').Append('\n');
            foreach (var a in n.Attributes)
            {
                Visit(a, depth + 1);
            }

            foreach (var c in n.Children)
            {
                Visit(c, depth + 1);
            }
        }

        Visit(document, 0);
        return sb.Append("plain ").Append(document.TextIsPlain).ToString();
    }

    // Seeded string-level damage on leaf elements (<p:Name ...>value</p:Name>), twelve copies per example.
    private static IEnumerable<(string Name, string Xml)> Damaged(string xml, int seed)
    {
#pragma warning disable CA5394, RS0030 // a seeded Random: the same copies on every run
        var random = new Random(seed);
        var leaves = Leaf().Matches(xml).Cast<Match>().ToList();
        if (leaves.Count == 0)
        {
            yield break;
        }

        Match Pick() => leaves[random.Next(leaves.Count)];
        string Replace(Match m, string with) => xml[..m.Index] + with + xml[(m.Index + m.Length)..];
        string OpenTag(Match m) => m.Value[..(m.Value.IndexOf('>', StringComparison.Ordinal) + 1)];
        var xsi = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ";
        var m = Pick();
        yield return ("dropped " + m.Groups["name"].Value, Replace(m, ""));
        m = Pick();
        yield return ("doubled " + m.Groups["name"].Value, Replace(m, m.Value + m.Value));
        m = Pick();
        yield return ("value abc in " + m.Groups["name"].Value, Replace(m, OpenTag(m) + "abc</" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("empty " + m.Groups["name"].Value, Replace(m, OpenTag(m) + "</" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("whitespace in " + m.Groups["name"].Value, Replace(m, OpenTag(m) + "  \n </" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("preserved whitespace in " + m.Groups["name"].Value, Replace(m, "<" + m.Groups["name"].Value + " xml:space=\"preserve\">  </" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("CDATA in " + m.Groups["name"].Value, Replace(m, OpenTag(m) + "<![CDATA[" + m.Groups["value"].Value + "]]></" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("xsi:nil on " + m.Groups["name"].Value, Replace(m, "<" + m.Groups["name"].Value + " " + xsi + "xsi:nil=\"true\"/>"));
        m = Pick();
        yield return ("xsi:type on " + m.Groups["name"].Value, Replace(m, "<" + m.Groups["name"].Value + " " + xsi + "xsi:type=\"Unknown\">1</" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("unknown attribute on " + m.Groups["name"].Value, Replace(m, "<" + m.Groups["name"].Value + " foo=\"bar\">" + m.Groups["value"].Value + "</" + m.Groups["name"].Value + ">"));
        m = Pick();
        yield return ("unknown element after " + m.Groups["name"].Value, Replace(m, m.Value + "<Unknown>1</Unknown>"));
        yield return ("truncated", xml[..random.Next(xml.Length / 4, xml.Length)]);
#pragma warning restore CA5394, RS0030
    }

    [GeneratedRegex(@"<(?<name>[A-Za-z]+:[A-Za-z]+)(\s[^>]*)?>(?<value>[^<]+)</\k<name>>")]
    private static partial Regex Leaf();
}
