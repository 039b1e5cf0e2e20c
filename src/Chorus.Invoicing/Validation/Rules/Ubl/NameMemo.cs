using Chorus.Invoicing.Validation.Internal.Tree;

namespace Chorus.Invoicing.Validation.Rules.Ubl;

/// <summary>
/// A value computed from an expanded name's content (which rules, groups or trie branch a name leads to), remembered by
/// string instance: the tree's names of schema elements and attributes are the CLR-interned instances (SchemaCatalog's
/// name table), the same in every document, so a lookup hashes two object references instead of a 30-character local
/// name. Only interned names are remembered: a name outside the schemas comes from the document's own name table, a new
/// instance per document, and is computed each time (what a by-value table did). The value never depends on the instance.
/// </summary>
internal sealed class NameMemo<T>(Func<string, string, T> compute)
{
    // Interned names are finite (the schemas' and the rules'); the bound is a safety net.
    private const int MaxNamesKept = 8192;

    // Copy on write: readers use the published table without a lock (a dictionary nobody writes is safe to read from
    // several threads); a new name is added to a copy under the lock.
    private readonly object _gate = new();
    private volatile Dictionary<(string Ns, string Local), T> _byInstance = new(InstanceNameComparer.Instance);

    /// <summary>The value for the name.</summary>
    public T Get(string ns, string local)
    {
        if (_byInstance.TryGetValue((ns, local), out var found))
        {
            return found;
        }

        var value = compute(ns, local);
        if (ReferenceEquals(string.IsInterned(local), local) && ReferenceEquals(string.IsInterned(ns), ns))
        {
            lock (_gate)
            {
                if (_byInstance.Count < MaxNamesKept && !_byInstance.ContainsKey((ns, local)))
                {
                    _byInstance = new Dictionary<(string Ns, string Local), T>(_byInstance, InstanceNameComparer.Instance) { [(ns, local)] = value };
                }
            }
        }

        return value;
    }
}
