namespace Chorus.Cli.Infrastructure;

/// <summary>A usage error or an input that cannot be read: printed as one line, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
