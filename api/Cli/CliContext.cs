namespace Analytics.Api.Cli;

/// <summary>
/// What every verb gets from outside: the clock, the two output streams, the environment variables (null: the
/// process's; a test passes its own so that no test changes the environment of the others), standard input
/// (for secrets), and whether the error stream is a terminal (long work then shows its progress there; a log or a
/// pipe gets only the results).
/// </summary>
internal sealed record CliContext(
    TimeProvider Clock, TextWriter Out, TextWriter Error, Func<string, string?>? Environment = null, TextReader? In = null, bool ErrorIsTerminal = false)
{
    public string? Variable(string name) => (Environment ?? System.Environment.GetEnvironmentVariable)(name);

    /// <summary>A progress line for long work named <paramref name="what"/>: shown only when the error stream is a terminal.</summary>
    public CliProgress Progress(string what) => new(ErrorIsTerminal ? Error : null, what);
}
