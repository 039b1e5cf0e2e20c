using Chorus.Fuzzing.Engine;
using Chorus.Fuzzing.Targets;

namespace Chorus.Fuzzing.Tests;

/// <summary>The CI subset of the mutation harness: 2,000 mutants per entry point, fixed seed, no finding allowed.</summary>
public class FuzzSubsetTests
{
    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_TwoThousandMutants_NoUndocumentedExceptionHangOrAllocationBlowUp(string name)
    {
        var target = FuzzTargets.All.Single(t => t.Name == name);
        var report = FuzzRunner.Run(target, new FuzzOptions { Inputs = 2_000, Seed = 20261126, Deadline = TimeSpan.FromSeconds(20) });

        Assert.True(report.Findings.Count == 0, string.Join("\n---\n", report.Findings.Take(3).Select(f => $"{f.Kind} ({f.InputName}): {f.Detail}")));
    }
}
