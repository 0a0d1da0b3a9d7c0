namespace Analytics.Api.Cli;

/// <summary>
/// One line on the terminal rewritten in place ("merchant sheets: 12/120") while long work runs, wiped when it ends;
/// with no terminal (output redirected to a file or a pipe) it writes nothing, so logs hold only the results.
/// Safe to report from several threads (the sheets are rendered in parallel).
/// </summary>
internal sealed class CliProgress(TextWriter? terminal, string what) : IProgress<(int Done, int Total)>, IDisposable
{
    private readonly Lock _lock = new();
    private int _width;

    public void Report((int Done, int Total) value)
    {
        if (terminal is null)
        {
            return;
        }

        lock (_lock)
        {
            var line = $"{what}: {value.Done}/{value.Total}";
            terminal.Write("\r" + line.PadRight(_width));
            terminal.Flush();
            _width = Math.Max(_width, line.Length);
        }
    }

    public void Dispose()
    {
        if (terminal is null || _width == 0)
        {
            return;
        }

        lock (_lock)
        {
            terminal.Write("\r" + new string(' ', _width) + "\r");
            terminal.Flush();
        }
    }
}
