namespace Analytics.Api.Cli;

/// <summary>One verb of the command line: its name, a usage line, the flags that take no value, and what it runs.</summary>
internal sealed record Verb(
    string Name,
    string Usage,
    string Summary,
    Func<CommandArgs, CliContext, Task<int>> Run,
    IReadOnlySet<string>? Flags = null);

/// <summary>
/// What every verb gets from outside: the clock, the two output streams, the environment variables (null: the
/// process's; a test passes its own so that no test changes the environment of the others) and standard input
/// (for secrets).
/// </summary>
internal sealed record CliContext(
    TimeProvider Clock, TextWriter Out, TextWriter Error, Func<string, string?>? Environment = null, TextReader? In = null)
{
    public string? Variable(string name) => (Environment ?? System.Environment.GetEnvironmentVariable)(name);
}
