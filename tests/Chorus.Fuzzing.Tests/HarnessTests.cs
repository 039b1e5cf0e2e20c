using Chorus.Fuzzing.Engine;

namespace Chorus.Fuzzing.Tests;

/// <summary>The harness itself finds what it is meant to find (otherwise a green subset would prove nothing).</summary>
public class HarnessTests
{
    [Fact]
    public void Runner_UndocumentedException_IsAFinding()
    {
        var report = FuzzRunner.Run(new PlantedTarget(input => throw new InvalidOperationException("boom")), new FuzzOptions { Inputs = 20 });
        Assert.Equal(20, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.Equal("exception", f.Kind));
    }

    [Fact]
    public void Runner_DocumentedException_IsARejectionNotAFinding()
    {
        var report = FuzzRunner.Run(new PlantedTarget(input => throw new FormatException("bad"), documented: true), new FuzzOptions { Inputs = 20 });
        Assert.Empty(report.Findings);
        Assert.Equal(20, report.Rejected);
    }

    [Fact]
    public void Runner_Hang_IsAFinding_AndTheRunGoesOn()
    {
        var report = FuzzRunner.Run(new PlantedTarget(input => { if (input.Length > 0 && input[0] == (byte)'h') { Thread.Sleep(Timeout.Infinite); } }),
            new FuzzOptions { Inputs = 3, Deadline = TimeSpan.FromMilliseconds(200) });
        Assert.Contains(report.Findings, f => f.Kind == "hang");
    }

    [Fact]
    public void Runner_AllocationAboveBudget_IsAFinding()
    {
        var report = FuzzRunner.Run(new PlantedTarget(input => GC.KeepAlive(new byte[8 * 1024 * 1024])), new FuzzOptions { Inputs = 2, AllocationBudget = 1024 * 1024 });
        Assert.All(report.Findings, f => Assert.Equal("allocation", f.Kind));
        Assert.Equal(2, report.Findings.Count);
    }

    [Theory]
    [InlineData(InputKind.Xml)]
    [InlineData(InputKind.Pdf)]
    [InlineData(InputKind.Asn1)]
    [InlineData(InputKind.Csv)]
    [InlineData(InputKind.Binary)]
    public void Mutator_SameSeed_SameMutants_AndTheyDiffer(InputKind kind)
    {
        var seed = "<Invoice><a>1</a><b x=\"2\">text</b></Invoice> 1 0 obj << /Length 5 >> stream\nhello\nendstream xref 0 1 startxref 9 "u8.ToArray();
#pragma warning disable RS0030 // seeded on purpose
        var a = new Mutator(new Random(1));
        var b = new Mutator(new Random(1));
#pragma warning restore RS0030
        var mutantsA = Enumerable.Range(0, 50).Select(_ => a.Mutate(seed, seed, kind)).ToList();
        var mutantsB = Enumerable.Range(0, 50).Select(_ => b.Mutate(seed, seed, kind)).ToList();
        Assert.Equal(mutantsA.Select(Convert.ToHexString), mutantsB.Select(Convert.ToHexString));
        Assert.Contains(mutantsA, m => !m.AsSpan().SequenceEqual(seed));
    }

    private sealed class PlantedTarget(Action<byte[]> run, bool documented = false) : IFuzzTarget
    {
        public string Name => "planted";

        public InputKind Kind => InputKind.Binary;

        public IReadOnlyList<byte[]> Seeds() => ["hello"u8.ToArray()];

        public void Run(byte[] input) => run(input);

        public bool IsDocumented(Exception exception) => documented && exception is FormatException;
    }
}
