using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;

namespace Chorus.Invoicing.Validation.Rules.FrCtc;

/// <summary>
/// The French reform's rules BR-FR-01 to BR-FR-32 ("Flux 2", both syntaxes) as C# on the validator's tree. Each table
/// mirrors the official stylesheet: patterns of rules, a rule being a context (element paths, matched anywhere like an
/// XSLT match pattern) and its assertions; within a pattern an element is checked only by the first rule whose context
/// it matches. A problem is located at the rule's context element, as the schematron reports it.
/// </summary>
internal static partial class FrCtcRulesA
{
    // What the interpreter adds when an assertion's test raises XPTY0004 (a function of one string given several nodes):
    // the stylesheet would stop there; the rule is reported as failed, with the reason.
    private const string SeveralItems = " (the test could not be evaluated: XPTY0004: a sequence of more than one item is not allowed here)";

    private static readonly Lazy<Table> Cii = new(() => new Table(CiiPatterns(), CiiMessages!));
    private static readonly Lazy<Table> Ubl = new(() => new Table(UblPatterns(), UblMessages!));

    /// <summary>The ids checked here for a syntax ("ubl" or "cii").</summary>
    public static IReadOnlyCollection<string> Ids(string syntax) => syntax == "ubl" ? UblMessages.Keys : CiiMessages.Keys;

    /// <summary>Checks a UBL or CII document (any other syntax: nothing to check) and adds the problems found.</summary>
    public static void Run(XNode document, string syntax, List<ValidationProblem> problems)
    {
        var table = syntax switch
        {
            "ubl" => Ubl.Value,
            "cii" => Cii.Value,
            _ => null,
        };
        table?.Run(document.Document, problems);
    }

    // An assertion's outcome: true holds, false fails, null could not be evaluated (several nodes where XPath wants one).
    private delegate bool? Test(XNode context);

    private static Rule R(string context, params Check[] checks) => new(Context.Parse(context, null), checks);

    private static Rule R(string context, Func<XNode, bool> filter, params Check[] checks) => new(Context.Parse(context, filter), checks);

    private static Check C(string id, Test test) => new(id, test);

    // An assertion on the context element's string value.
    private static Check V(string id, Func<string, bool> onValue) => new(id, n => onValue(n.StringValue));

    private static Rule[] P(params Rule[] rules) => rules;

    private sealed record Check(string Id, Test Test);

    private sealed record Rule(Context Context, Check[] Checks);

    /// <summary>A match pattern: alternatives of element steps (the last is the context element), and an optional filter on it.</summary>
    private sealed class Context((string Ns, string Local)[][] alternatives, Func<XNode, bool>? filter)
    {
        public IEnumerable<string> LastNames => alternatives.Select(static a => a[a.Length - 1].Local).Distinct(StringComparer.Ordinal);

        public static Context Parse(string text, Func<XNode, bool>? filter)
        {
            var alternatives = text.Split('|')
                .Select(static a => a.Trim().TrimStart('/').Split('/').Select(static s =>
                {
                    var colon = TreeQuery.IndexOf(s, ':');
                    var prefix = s.Substring(0, colon);
                    var ns = prefix switch
                    {
                        "ubl" => Ns.UblInvoice,
                        "cn" => Ns.UblCreditNote,
                        _ => Ns.Of(prefix),
                    };
                    return (ns, s.Substring(colon + 1));
                }).ToArray())
                .ToArray();
            return new Context(alternatives, filter);
        }

        public bool Matches(XNode element)
        {
            foreach (var steps in alternatives)
            {
                var n = element;
                var ok = true;
                for (var i = steps.Length - 1; i >= 0; i--)
                {
                    if (n is null || n.Kind != XNodeKind.Element || n.LocalName != steps[i].Local || n.NamespaceUri != steps[i].Ns)
                    {
                        ok = false;
                        break;
                    }

                    n = n.Parent;
                }

                if (ok)
                {
                    return filter is null || filter(element);
                }
            }

            return false;
        }
    }

    /// <summary>The compiled patterns of one syntax, indexed by the local name of their context elements.</summary>
    private sealed class Table
    {
        private readonly Rule[][] _patterns;
        private readonly Dictionary<string, string> _messages;
        private readonly Dictionary<string, (int Pattern, int Rule)[]> _byName;
        private readonly int[] _firstSlot;
        private readonly int _slots;

        public Table(Rule[][] patterns, Dictionary<string, string> messages)
        {
            _patterns = patterns;
            _messages = messages;
            _firstSlot = new int[patterns.Length];
            var byName = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
            for (var p = 0; p < patterns.Length; p++)
            {
                _firstSlot[p] = _slots;
                _slots += patterns[p].Length;
                for (var r = 0; r < patterns[p].Length; r++)
                {
                    foreach (var check in patterns[p][r].Checks)
                    {
                        if (!messages.ContainsKey(check.Id))
                        {
                            throw new InvalidOperationException("no message for " + check.Id);
                        }
                    }

                    foreach (var name in patterns[p][r].Context.LastNames)
                    {
                        if (!byName.TryGetValue(name, out var list))
                        {
                            byName[name] = list = [];
                        }

                        list.Add((p, r));
                    }
                }
            }

            _byName = byName.ToDictionary(static kv => kv.Key, static kv => kv.Value.ToArray(), StringComparer.Ordinal);
        }

        public void Run(XNode document, List<ValidationProblem> problems)
        {
            // One walk in document order; problems are kept per rule and emitted pattern by pattern, rule by rule, as the
            // schematron reports them.
            var found = new List<ValidationProblem>?[_slots];
            Walk(document, found);
            foreach (var list in found)
            {
                if (list is not null)
                {
                    problems.AddRange(list);
                }
            }
        }

        private void Walk(XNode node, List<ValidationProblem>?[] found)
        {
            foreach (var c in node.Children)
            {
                if (c.Kind != XNodeKind.Element)
                {
                    continue;
                }

                if (_byName.TryGetValue(c.LocalName, out var candidates))
                {
                    Check(c, candidates, found);
                }

                Walk(c, found);
            }
        }

        private void Check(XNode element, (int Pattern, int Rule)[] candidates, List<ValidationProblem>?[] found)
        {
            var claimedPattern = -1;
            foreach (var (p, r) in candidates)
            {
                // First rule wins within a pattern: candidates are in pattern, then rule order.
                if (p == claimedPattern)
                {
                    continue;
                }

                var rule = _patterns[p][r];
                if (!rule.Context.Matches(element))
                {
                    continue;
                }

                claimedPattern = p;
                foreach (var check in rule.Checks)
                {
                    var outcome = check.Test(element);
                    if (outcome == true)
                    {
                        continue;
                    }

                    var message = _messages[check.Id] + (outcome is null ? SeveralItems : string.Empty);
                    var slot = _firstSlot[p] + r;
                    (found[slot] ??= []).Add(new ValidationProblem(check.Id, ValidationSeverity.Fatal, message, element.Path()));
                }
            }
        }
    }
}
