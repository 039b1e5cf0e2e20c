namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>
/// The cardinality rules of a syntax table grouped by context, in table order, each group with a <see cref="PathCounter"/>
/// over its rule paths; and, per element name, which groups' contexts can match it at all (a context's own test still
/// decides), so that an element is not tested against every context of the table.
/// </summary>
internal sealed class SyntaxGroups
{
    private readonly (SyntaxContext Context, PathCounter Counter)[] _groups;
    private readonly NameMemo<int[]> _byName;
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
        _byName = new NameMemo<int[]>(Compute);
    }

    public (SyntaxContext Context, PathCounter Counter) this[int index] => _groups[index];

    /// <summary>The groups, in table order, whose context may match an element of this name.</summary>
    public int[] For(string ns, string local) => _byName.Get(ns, local);

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
