using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>
/// Cardinality rules sharing one context, their element paths merged into a trie: one pass over the context's subtree,
/// entering only the children some path names, counts every rule's occurrences (<c>count(path)</c>) at once. Same
/// verdicts as counting each path on its own; problems in table order.
/// </summary>
internal sealed class PathCounter
{
    [ThreadStatic]
    private static int[]? t_counts;

    private readonly SyntaxRule[] _rules;
    private readonly Node _trie = new();

    public PathCounter(IEnumerable<SyntaxRule> rules)
    {
        _rules = rules.ToArray();
        for (var i = 0; i < _rules.Length; i++)
        {
            var node = _trie;
            foreach (var step in _rules[i].Steps)
            {
                if (!node.Children.TryGetValue(step, out var next))
                {
                    node.Children[step] = next = new Node();
                }

                node = next;
            }

            node.Ending.Add(i);
        }
    }

    /// <summary>Counts the paths below the context element and reports the rules whose expectation fails, located on it.</summary>
    public void Check(XNode context, List<ValidationProblem> problems)
    {
        // One zeroed scratch array per thread, not one array per context element (an invoice has hundreds of them).
        var counts = t_counts is { } scratch && scratch.Length >= _rules.Length ? scratch : t_counts = new int[Math.Max(_rules.Length, 64)];
        Array.Clear(counts, 0, _rules.Length);

        // A path of no element step (the context itself, or one of its attributes).
        Tally(context, _trie, counts);
        Count(context, _trie, counts);
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            if (rule.Expect == Expect.Absent ? counts[i] > 0 : counts[i] > 1)
            {
                problems.Report(rule.Id, rule.Fatal, rule.Message, context);
            }
        }
    }

    private void Count(XNode element, Node node, int[] counts)
    {
        foreach (var c in element.Children)
        {
            if (c.Kind != XNodeKind.Element || !node.Children.TryGetValue((c.NamespaceUri, c.LocalName), out var next))
            {
                continue;
            }

            Tally(c, next, counts);
            if (next.Children.Count > 0)
            {
                Count(c, next, counts);
            }
        }
    }

    // The rules whose path ends at this trie node count the element; a path ending in an attribute counts the elements
    // that carry it.
    private void Tally(XNode element, Node node, int[] counts)
    {
        foreach (var i in node.Ending)
        {
            if (_rules[i].Attribute is not { } attribute || element.Attr(attribute) is not null)
            {
                counts[i]++;
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<(string Ns, string Local), Node> Children { get; } = new(ExpandedNameComparer.Instance);

        public List<int> Ending { get; } = [];
    }
}
