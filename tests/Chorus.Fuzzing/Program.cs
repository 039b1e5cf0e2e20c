using System.Globalization;
using Chorus.Fuzzing.Engine;
using Chorus.Fuzzing.Targets;

// dotnet run -c Release --project tests/Chorus.Fuzzing -- [--inputs 100000] [--seed N] [--target name[,name]] [--findings dir]
var inputs = 100_000;
var seed = 20261126;
string? only = null;
var findingsDir = "fuzz-findings";
for (var i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--inputs": inputs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--target": only = args[i + 1]; break;
        case "--findings": findingsDir = args[i + 1]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var targets = FuzzTargets.All.Where(t => only is null || only.Split(',').Contains(t.Name)).ToList();
if (targets.Count == 0)
{
    Console.Error.WriteLine("no such target; targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
    return 2;
}

var options = new FuzzOptions { Inputs = inputs, Seed = seed, FindingsFolder = findingsDir };
var total = 0;
Console.WriteLine($"| target | inputs | rejected (documented error) | findings | time |");
Console.WriteLine($"|---|---|---|---|---|");
foreach (var target in targets)
{
    var report = FuzzRunner.Run(target, options, Console.Error.WriteLine);
    total += report.Findings.Count;
    Console.WriteLine($"| {report.Target} | {report.Inputs:N0} | {report.Rejected:N0} | {report.Findings.Count} | {report.Elapsed:hh\\:mm\\:ss} |");
    foreach (var group in report.Findings.GroupBy(f => (f.Kind, f.Detail.Split('\n')[0])).Take(10))
    {
        Console.Error.WriteLine($"  {target.Name}: {group.Key.Kind} x{group.Count()}: {group.Key.Item2}");
    }
}

return total == 0 ? 0 : 1;
