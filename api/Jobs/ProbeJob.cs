using System.Globalization;

namespace Analytics.Api.Jobs;

/// <summary>
/// A diagnostic job: writes one marker file naming the process that ran it. With several servers on one PostgreSQL
/// job store, enqueue a batch and count the markers to check that every job ran exactly once and where
/// (docs/api.md; the multi-server test does exactly that).
/// </summary>
internal sealed class ProbeJob
{
    public void Record(string folder, int number)
    {
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{number:D6}.{Environment.ProcessId}.{Guid.NewGuid():N}");
        File.WriteAllText(Path.Combine(folder, name), "");
    }
}
