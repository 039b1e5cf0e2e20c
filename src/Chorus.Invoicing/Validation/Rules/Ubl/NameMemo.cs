using System.Runtime.CompilerServices;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>
/// A value computed from an expanded name's content (which rules, groups or trie branch a name leads to), remembered by
/// string instance: the tree's names of schema elements and attributes are the CLR-interned instances (SchemaCatalog's
/// name table), the same in every document, so a lookup hashes one object reference instead of a 30-character local
/// name. Only interned names are remembered: a name outside the schemas comes from the document's own name table, a new
/// instance per document, and is computed each time (what a by-value table did). The value never depends on the instance.
/// </summary>
internal sealed class NameMemo<T>(Func<string, string, T> compute)
{
    // Interned names are finite (the schemas' and the rules'); the bound is a safety net.
    private const int MaxNamesKept = 8192;

    // Copy on write: readers use the published table without a lock (an array nobody writes is safe to read from several
    // threads); a new name is added to a copy under the lock. Open addressing on the local name's identity hash, at most
    // half full: a lookup is one hash of an object header and a probe or two, no comparer call.
    private readonly object _gate = new();
    private volatile Entry[] _table = new Entry[16];
    private int _count;

    /// <summary>The value for the name.</summary>
    public T Get(string ns, string local)
    {
        var table = _table;
        if (Find(table, ns, local) is var found and >= 0)
        {
            return table[found].Value;
        }

        var value = compute(ns, local);
        if (ReferenceEquals(string.IsInterned(local), local) && ReferenceEquals(string.IsInterned(ns), ns))
        {
            lock (_gate)
            {
                if (_count < MaxNamesKept && Find(_table, ns, local) < 0)
                {
                    var next = _table;
                    if ((_count + 1) * 2 > next.Length)
                    {
                        next = new Entry[next.Length * 2];
                        foreach (var e in _table)
                        {
                            if (e.Local is not null)
                            {
                                Put(next, e);
                            }
                        }
                    }
                    else
                    {
                        next = (Entry[])next.Clone();
                    }

                    Put(next, new Entry(local, ns, value));
                    _count++;
                    _table = next;
                }
            }
        }

        return value;
    }

    // The slot of the name, or -1.
    private static int Find(Entry[] table, string ns, string local)
    {
        var mask = table.Length - 1;
        for (var i = RuntimeHelpers.GetHashCode(local) & mask; table[i].Local is { } kept; i = (i + 1) & mask)
        {
            if (ReferenceEquals(kept, local) && ReferenceEquals(table[i].Ns, ns))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Put(Entry[] table, Entry entry)
    {
        var mask = table.Length - 1;
        var i = RuntimeHelpers.GetHashCode(entry.Local!) & mask;
        while (table[i].Local is not null)
        {
            i = (i + 1) & mask;
        }

        table[i] = entry;
    }

    private readonly struct Entry(string local, string ns, T value)
    {
        public string? Local { get; } = local;

        public string Ns { get; } = ns;

        public T Value { get; } = value;
    }
}
