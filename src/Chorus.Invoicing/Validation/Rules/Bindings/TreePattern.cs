using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;
using Chorus.Invoicing.Validation.Rules.Ubl;

namespace Chorus.Invoicing.Validation.Rules.Bindings;

/// <summary>
/// One assertion of a rule: official id, flag and message, and its test on the context element. The test answers
/// true (holds), false (fails) or null where XPath 2.0 raises a dynamic error (several items where one is expected, a
/// text compared with <c>false()</c> that is not a boolean): the official stylesheet stops there, the validator reports
/// the rule as failed, as the schematron table did. <see cref="Describe"/>, when given, writes the message of a failure
/// on a context element (the values a stylesheet's message shows); null falls back to <see cref="Message"/>.
/// <see cref="HoldsWithoutAttributes"/>: the test is about the element's attributes and holds on an element that has
/// none ("@x should not be present"), so the pattern need not call it there.
/// </summary>
internal sealed record TreeAssert(string Id, bool Fatal, Func<XNode, bool?> Holds, string Message, Func<XNode, string?>? Describe = null, bool HoldsWithoutAttributes = false);

/// <summary>
/// A context test on elements: true, false, or null on a dynamic error (the whole rule is then skipped, as the
/// stylesheet's template never matches). <see cref="Name"/>, when every element it accepts has that expanded name, or
/// <see cref="Names"/>, a test on expanded names that every element it accepts passes, let the pattern take its
/// candidates from the document's name index instead of testing every element.
/// </summary>
internal sealed class TreeContextTest(Func<XNode, bool?> matches, (string Ns, string Local)? name = null, Func<string, string, bool>? names = null)
{
    public Func<XNode, bool?> Matches { get; } = matches;

    public (string Ns, string Local)? Name { get; } = name;

    public Func<string, string, bool>? Names { get; } = names;
}

/// <summary>A schematron rule: its context (as written, for readers) and test, and its assertions.</summary>
internal sealed record TreeRuleContext(string Text, TreeContextTest Context, params TreeAssert[] Asserts);

/// <summary>
/// A schematron pattern on the validator's tree: every element is checked by the FIRST rule whose context matches it,
/// later rules of the pattern skip it. Contexts that hold no assertion of their own (their assertions are checked by
/// another table) are listed anyway when they come first for some element, so that first-rule-wins keeps its meaning.
/// </summary>
internal sealed class TreePattern(params TreeRuleContext[] rules)
{
    private const string EvaluationFailed = " (the test could not be evaluated: XPath dynamic error)";

    // The candidates of a name absent from the document: shared, only ever read.
    private static readonly List<XNode> NoElements = [];

    // The rules whose context is a test on names (ends-with, several paths) get a slot (at most 64): by name, the mask
    // of the slots that accept it, so that one pass over the document's name index serves them all.
    private readonly int[] _slotOf = SlotsOf(rules);
    private readonly NameMemo<ulong>? _acceptedBy = AcceptedBy(rules);

    /// <summary>The ids of the assertions.</summary>
    public IEnumerable<string> Ids => rules.SelectMany(static r => r.Asserts).Select(static a => a.Id);

    /// <summary>Checks the document's elements, adding a problem per failed assertion and context element.</summary>
    public void Run(XNode document, List<ValidationProblem> problems)
    {
        List<XNode>? elements = null;

        // Elements already checked by an earlier rule: marked by document order when the tree knows its size (one array
        // instead of a hash set probed for every candidate), else in a set (XNode keeps reference equality).
        var size = document.Document.MaxOrder;
        var claimedByOrder = size > 0 ? new bool[size + 1] : null;
        var claimed = size > 0 ? null : new HashSet<XNode>();
        var matched = new List<XNode>();
        var byName = _acceptedBy is { } acceptedBy && document.Document.ElementIndex is { } index ? ByName(index, acceptedBy) : null;
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            matched.Clear();
            var failed = false;
            var candidates = byName is not null && _slotOf[r] >= 0 ? Merge(byName[_slotOf[r]]) : Candidates(document, rule.Context, ref elements);
            foreach (var e in candidates)
            {
                var m = rule.Context.Matches(e);
                if (m is null)
                {
                    failed = true;
                    break;
                }

                if (m.Value)
                {
                    matched.Add(e);
                }
            }

            if (failed)
            {
                continue;
            }

            foreach (var e in matched)
            {
                if (claimedByOrder is not null && (uint)e.Order < (uint)claimedByOrder.Length)
                {
                    if (claimedByOrder[e.Order])
                    {
                        continue;
                    }

                    claimedByOrder[e.Order] = true;
                }
                else if (!(claimed ??= []).Add(e))
                {
                    continue;
                }

                foreach (var a in rule.Asserts)
                {
                    if (a.HoldsWithoutAttributes && e.Attributes.Count == 0)
                    {
                        continue;
                    }

                    var holds = a.Holds(e);
                    if (holds != true)
                    {
                        var message = a.Describe?.Invoke(e) ?? a.Message;
                        problems.Report(a.Id, a.Fatal, holds is null ? message + EvaluationFailed : message, e);
                    }
                }
            }
        }
    }

    private static int[] SlotsOf(TreeRuleContext[] rules)
    {
        var slots = new int[rules.Length];
        var next = 0;
        for (var r = 0; r < rules.Length; r++)
        {
            slots[r] = rules[r].Context is { Name: null, Names: not null } && next < 64 ? next++ : -1;
        }

        return slots;
    }

    private static NameMemo<ulong>? AcceptedBy(TreeRuleContext[] rules)
    {
        var slots = SlotsOf(rules);
        if (Array.TrueForAll(slots, static s => s < 0))
        {
            return null;
        }

        return new NameMemo<ulong>((ns, local) =>
        {
            var mask = 0UL;
            for (var r = 0; r < rules.Length; r++)
            {
                if (slots[r] >= 0 && rules[r].Context.Names!(ns, local))
                {
                    mask |= 1UL << slots[r];
                }
            }

            return mask;
        });
    }

    // Per slot, the index's lists of the names it accepts (each in document order).
    private static List<List<XNode>>?[] ByName(Dictionary<(string Ns, string Local), List<XNode>> index, NameMemo<ulong> acceptedBy)
    {
        var lists = new List<List<XNode>>?[64];
        foreach (var entry in index)
        {
            for (var mask = acceptedBy.Get(entry.Key.Ns, entry.Key.Local); mask != 0; mask &= mask - 1)
            {
                (lists[TrailingZeros(mask)] ??= []).Add(entry.Value);
            }
        }

        return lists;
    }

    private static int TrailingZeros(ulong mask)
    {
        var n = 0;
        while ((mask & 1) == 0)
        {
            mask >>= 1;
            n++;
        }

        return n;
    }

    // The elements of the context's name(s) from the document's index, in document order; else every element.
    private static List<XNode> Candidates(XNode document, TreeContextTest context, ref List<XNode>? elements)
    {
        if (document.Document.ElementIndex is { } index)
        {
            if (context.Name is { } n)
            {
                return index.TryGetValue(n, out var list) ? list : NoElements;
            }

            if (context.Names is { } accepts)
            {
                // Each name's list is in document order already: one list is the answer as it is, several are merged
                // by document order (no sort, no copy in the usual case of a single name present).
                List<XNode>? single = null;
                List<List<XNode>>? several = null;
                foreach (var entry in index)
                {
                    if (accepts(entry.Key.Ns, entry.Key.Local))
                    {
                        if (single is null)
                        {
                            single = entry.Value;
                        }
                        else
                        {
                            (several ??= [single]).Add(entry.Value);
                        }
                    }
                }

                return several is not null ? Merge(several) : single ?? NoElements;
            }
        }

        if (elements is null)
        {
            elements = [];
            Collect(document, elements);
        }

        return elements;
    }

    // Lists each in document order (distinct nodes), merged into one in document order.
    private static List<XNode> Merge(List<List<XNode>>? lists)
    {
        if (lists is null)
        {
            return NoElements;
        }

        if (lists.Count == 1)
        {
            return lists[0];
        }

        if (lists.Count > 4)
        {
            return Sorted(lists);
        }

        var total = 0;
        foreach (var l in lists)
        {
            total += l.Count;
        }

        var merged = new List<XNode>(total);
        var next = new int[lists.Count];
        for (var k = 0; k < total; k++)
        {
            var best = -1;
            for (var i = 0; i < lists.Count; i++)
            {
                if (next[i] < lists[i].Count && (best < 0 || lists[i][next[i]].Order < lists[best][next[best]].Order))
                {
                    best = i;
                }
            }

            merged.Add(lists[best][next[best]++]);
        }

        return merged;
    }

    // Many lists: sorted by document order at once rather than merged by scanning every list's head per element.
    private static List<XNode> Sorted(List<List<XNode>> lists)
    {
        var total = 0;
        foreach (var l in lists)
        {
            total += l.Count;
        }

        // Keyed by order then position: a stable sort, the same sequence as the merge even if orders repeated.
        var keys = new long[total];
        var items = new XNode[total];
        var k = 0;
        foreach (var l in lists)
        {
            foreach (var e in l)
            {
                keys[k] = ((long)e.Order << 32) | (uint)k;
                items[k++] = e;
            }
        }

        Array.Sort(keys, items);
        return [.. items];
    }

    // Every element in document order; iterative, so that a deeply nested document cannot exhaust the stack.
    private static void Collect(XNode node, List<XNode> into)
    {
        var stack = new Stack<(XNode Parent, int Next)>();
        stack.Push((node, 0));
        while (stack.Count > 0)
        {
            var (parent, next) = stack.Pop();
            for (var i = next; i < parent.Children.Length; i++)
            {
                var c = parent.Children[i];
                if (c.Kind == XNodeKind.Element)
                {
                    into.Add(c);
                    stack.Push((parent, i + 1));
                    stack.Push((c, 0));
                    break;
                }
            }
        }
    }
}
