using System.Collections;
using System.Runtime.CompilerServices;

namespace Chorus.Invoicing.Model;

/// <summary>
/// An immutable list that compares by value (element by element), unlike arrays and <c>ImmutableArray</c>, so that
/// records holding lists keep value equality: "read → write → read gives an equal model" is one <c>Assert.Equal</c>.
/// <c>default</c> is the empty list.
/// </summary>
/// <typeparam name="T">The element type; its own <see cref="object.Equals(object)"/> decides element equality.</typeparam>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public EquatableArray(IEnumerable<T> items) => _items = items.ToArray() is { Length: > 0 } a ? a : null;

    private EquatableArray(T[]? items, bool owned) => _items = owned && items is { Length: > 0 } ? items : null;

    /// <summary>The number of elements.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary>True when the list has no element.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index] => (_items ?? [])[index];

    /// <summary>The elements as a span (no copy).</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    internal static EquatableArray<T> Own(T[]? items) => new(items, owned: true);

    internal static EquatableArray<T> From(List<T>? items) => items is null || items.Count == 0 ? default : new(items.ToArray(), owned: true);

    /// <inheritdoc />
    public bool Equals(EquatableArray<T> other)
    {
        var a = AsSpan();
        var b = other.AsSpan();
        if (a.Length != b.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Enumerates the elements.</summary>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description for debuggers and test failures.</summary>
    public override string ToString() => $"[{string.Join(", ", (_items ?? []).Select(i => i?.ToString()))}]";
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/> (also used by collection expressions).</summary>
public static class EquatableArray
{
    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => EquatableArray<T>.Own(items.ToArray());

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);
}
