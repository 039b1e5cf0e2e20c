using System.Collections.Concurrent;

namespace Chorus.Invoicing.Validation.Internal.XPath;

/// <summary>
/// Integer ids for the expanded names the rule tables test, so that a name test is one integer comparison and a
/// document can say in O(1) that it has no element of that name. Only names that rules mention get an id (input names
/// never grow the table): any other name is <see cref="Unknown"/>.
/// </summary>
internal static class XNames
{
    public const int Unknown = -1;

    private static readonly ConcurrentDictionary<(string Ns, string Local), int> Ids = new();
    private static int _count;

    public static int Count => Volatile.Read(ref _count);

    public static int Register(string ns, string local) => Ids.GetOrAdd((ns, local), static _ => Interlocked.Increment(ref _count) - 1);

    public static int Lookup(string ns, string local) => Ids.TryGetValue((ns, local), out var id) ? id : Unknown;
}
