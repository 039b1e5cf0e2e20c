using Chorus.Fuzzing.Engine;

namespace Chorus.Fuzzing.Targets;

/// <summary>Every entry point the harness drives.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new IdentifierTarget(),
    ];
}
