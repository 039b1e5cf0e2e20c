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
    // One zeroed scratch array per thread, not one array per context element (an invoice has hundreds of them); the
    // rules counted at least once are listed, so that only they are looked at (most of a context's rules, "shall not be
    // used", count nothing in a valid invoice).
    [ThreadStatic]
    private static int[]? t_counts;

    [ThreadStatic]
    private static int[]? t_touched;

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
        var size = Math.Max(_rules.Length, 64);
        var counts = t_counts is { } scratch && scratch.Length >= _rules.Length ? scratch : t_counts = new int[size];
        var touched = t_touched is { } list && list.Length >= _rules.Length ? list : t_touched = new int[size];
        var n = 0;
        try
        {
            // A path of no element step (the context itself, or one of its attributes).
            Tally(context, _trie, counts, touched, ref n);
            Count(context, _trie, counts, touched, ref n);

            // In table order, as the problems were reported when every rule was looked at (usually a few rules: an
            // insertion sort, without Array.Sort's setup).
            if (n > 16)
            {
                Array.Sort(touched, 0, n);
            }

            for (var k = 1; k < n; k++)
            {
                var v = touched[k];
                var j = k - 1;
                for (; j >= 0 && touched[j] > v; j--)
                {
                    touched[j + 1] = touched[j];
                }

                touched[j + 1] = v;
            }

            for (var k = 0; k < n; k++)
            {
                var i = touched[k];
                var rule = _rules[i];
                if (rule.Expect == Expect.Absent ? counts[i] > 0 : counts[i] > 1)
                {
                    problems.Report(rule.Id, rule.Fatal, rule.Message, context);
                }
            }
        }
        finally
        {
            for (var k = 0; k < n; k++)
            {
                counts[touched[k]] = 0;
            }
        }
    }

    private void Count(XNode element, Node node, int[] counts, int[] touched, ref int n)
    {
        foreach (var c in element.Children)
        {
            if (c.Kind != XNodeKind.Element || node.Next(c.NamespaceUri, c.LocalName) is not { } next)
            {
                continue;
            }

            Tally(c, next, counts, touched, ref n);
            if (next.Children.Count > 0)
            {
                Count(c, next, counts, touched, ref n);
            }
        }
    }

    // The rules whose path ends at this trie node count the element; a path ending in an attribute counts the elements
    // that carry it.
    private void Tally(XNode element, Node node, int[] counts, int[] touched, ref int n)
    {
        foreach (var i in node.Ending)
        {
            if (_rules[i].Attribute is not { } attribute || element.Attr(attribute) is not null)
            {
                if (counts[i]++ == 0)
                {
                    touched[n++] = i;
                }
            }
        }
    }

    private sealed class Node
    {
        private readonly NameMemo<Node?> _next;

        public Node() => _next = new NameMemo<Node?>((ns, local) => Children.TryGetValue((ns, local), out var next) ? next : null);

        public Dictionary<(string Ns, string Local), Node> Children { get; } = new(ExpandedNameComparer.Instance);

        public List<int> Ending { get; } = [];

        /// <summary>The child node of a step, or null.</summary>
        public Node? Next(string ns, string local) => _next.Get(ns, local);
    }
}
