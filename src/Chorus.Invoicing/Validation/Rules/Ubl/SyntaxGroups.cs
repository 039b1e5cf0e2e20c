using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>
/// The cardinality rules of a syntax table grouped by context, in table order, each group with a <see cref="PathCounter"/>
/// over its rule paths; and, per element name, which groups' contexts can match it at all (a context's own test still
/// decides), so that an element is not tested against every context of the table.
/// </summary>
internal sealed class SyntaxGroups
{
    // Names come from the documents: past this many, the groups of a new name are computed each time, not kept.
    private const int MaxNamesKept = 4096;

    private readonly (SyntaxContext Context, PathCounter Counter)[] _groups;
    // Copy on write: readers use the published dictionary without a lock (a dictionary nobody writes is safe to read
    // from several threads); a new name is added to a copy under the lock. The names of the schemas are few.
    private readonly object _gate = new();
    private volatile Dictionary<(string Ns, string Local), int[]> _byName = new(ExpandedNameComparer.Instance);
    private readonly int[] _unfiltered;

    public SyntaxGroups((SyntaxContext Context, SyntaxRule[] Rules)[] groups)
    {
        _groups = new (SyntaxContext, PathCounter)[groups.Length];
        var unfiltered = new List<int>();
        for (var i = 0; i < groups.Length; i++)
        {
            _groups[i] = (groups[i].Context, new PathCounter(groups[i].Rules));
            if (groups[i].Context.MayMatch is null)
            {
                unfiltered.Add(i);
            }
        }

        _unfiltered = [.. unfiltered];
    }

    public (SyntaxContext Context, PathCounter Counter) this[int index] => _groups[index];

    /// <summary>The groups, in table order, whose context may match an element of this name.</summary>
    public int[] For(string ns, string local)
    {
        if (_byName.TryGetValue((ns, local), out var found))
        {
            return found;
        }

        var groups = Compute(ns, local);
        lock (_gate)
        {
            if (_byName.Count < MaxNamesKept && !_byName.ContainsKey((ns, local)))
            {
                _byName = new Dictionary<(string Ns, string Local), int[]>(_byName, ExpandedNameComparer.Instance) { [(ns, local)] = groups };
            }
        }

        return groups;
    }

    private int[] Compute(string ns, string local)
    {
        if (_unfiltered.Length == _groups.Length)
        {
            return _unfiltered;
        }

        var list = new List<int>();
        for (var i = 0; i < _groups.Length; i++)
        {
            if (_groups[i].Context.MayMatch is not { } may || may(ns, local))
            {
                list.Add(i);
            }
        }

        return [.. list];
    }
}
