namespace Chorus.Directory.Structures;

/// <summary>The result of an operation: the new state, or every reason it was refused (and then no state).</summary>
/// <typeparam name="T">The state type.</typeparam>
public sealed class Outcome<T>
    where T : class
{
    internal Outcome(T? value, IReadOnlyList<string> reasons)
    {
        Value = value;
        Reasons = reasons;
    }

    /// <summary>The new state when accepted.</summary>
    public T? Value { get; }

    /// <summary>Why the operation was refused (empty when accepted).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>True when the operation was accepted.</summary>
    public bool IsAccepted => Value is not null;

    /// <summary>The new state, or an <see cref="InvalidOperationException"/> listing the reasons.</summary>
    public T GetValueOrThrow() => Value ?? throw new InvalidOperationException(string.Join(" ", Reasons));

    /// <summary>"accepted" or the reasons.</summary>
    public override string ToString() => IsAccepted ? "accepted" : "refused: " + string.Join(" ", Reasons);
}
