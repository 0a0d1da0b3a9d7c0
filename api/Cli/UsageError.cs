using Analytics.Ingest;

namespace Analytics.Api.Cli;

/// <summary>The command line was not understood: exit code 2 and the verb's usage.</summary>
internal sealed class UsageError(string message) : UserError(message);
