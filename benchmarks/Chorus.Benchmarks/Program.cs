using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Chorus.Benchmarks -- --filter '*Identifier*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
