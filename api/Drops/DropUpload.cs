using System.IO.Compression;
using Analytics.Api.Server;

namespace Analytics.Api.Drops;

/// <summary>
/// Turns an uploaded form (several files, or one zip) into a drop folder, or into the list of reasons it was refused.
/// Limits on file count and size are checked on the bytes actually written, so a zip that lies about its entry sizes
/// (a zip bomb) is stopped all the same.
/// </summary>
internal sealed class DropUpload(UploadLimits limits)
{
    public sealed record Outcome(IReadOnlyList<string> Files, IReadOnlyList<string> Problems, bool TooLarge);

    public async Task<Outcome> SaveAsync(IFormFileCollection files, string folder, CancellationToken cancel)
    {
        var problems = new List<string>();
        if (files.Count == 0)
        {
            return new Outcome([], ["The upload holds no files; send the datasets as multipart form files (or one .zip)."], false);
        }

        if (files.Count > limits.MaxFiles)
        {
            return new Outcome([], [$"The upload holds {files.Count} files; at most {limits.MaxFiles} are accepted."], false);
        }

        var names = new List<(IFormFile File, string Stored)>();
        foreach (var file in files)
        {
            var stored = DropFileNames.Sanitize(file.FileName, out var reason);
            if (stored is null)
            {
                problems.Add(reason);
            }
            else if (names.Any(n => n.Stored.Equals(stored, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"'{stored}' is sent twice.");
            }
            else
            {
                names.Add((file, stored));
            }

            if (file.Length > limits.MaxFileBytes)
            {
                return new Outcome([], [$"'{stored ?? "a file"}' has {file.Length} bytes; at most {limits.MaxFileBytes} are accepted per file."], true);
            }
        }

        if (names.Any(n => n.Stored.EndsWith(".zip", StringComparison.Ordinal)) && files.Count > 1)
        {
            problems.Add("A zip must be the only file of an upload.");
        }

        if (problems.Count > 0)
        {
            return new Outcome([], problems, false);
        }

        Directory.CreateDirectory(folder);
        if (names is [{ Stored: "drop.zip" } zip])
        {
            await using var stream = zip.File.OpenReadStream();
            return Unzip(stream, folder);
        }

        var written = new List<string>();
        foreach (var (file, stored) in names)
        {
            await using var target = new FileStream(Path.Combine(folder, stored), FileMode.CreateNew, FileAccess.Write);
            await file.CopyToAsync(target, cancel);
            written.Add(stored);
        }

        return new Outcome(written, [], false);
    }

    private Outcome Unzip(Stream stream, string folder)
    {
        var problems = new List<string>();
        var written = new List<string>();
        long total = 0;
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            // Paths first, before anything is skipped as noise: "..\\..\\x\\units.csv" is one segment starting with a dot.
            var outside = archive.Entries.Select(e => e.FullName).Where(IsOutside).ToList();
            if (outside.Count > 0)
            {
                return new Outcome([], outside.Select(f => $"'{Analytics.Ingest.Printable.Of(f)}' in the zip is a path outside the drop.").ToList(), false);
            }

            var entries = archive.Entries.Where(e => !IsNoise(e.FullName)).ToList();
            if (entries.Count > limits.MaxFiles)
            {
                return new Outcome([], [$"The zip holds {entries.Count} files; at most {limits.MaxFiles} are accepted."], false);
            }

            foreach (var entry in entries)
            {
                // A zip may keep its files in one folder ("drop/sales.csv"); the folder part is dropped only when it is
                // harmless, any ".." or absolute path refuses the upload.
                var full = entry.FullName;

                var baseName = full.Split('/')[^1];
                var stored = DropFileNames.Sanitize(baseName, out var reason);
                if (stored is null || stored == "drop.zip")
                {
                    problems.Add(stored == "drop.zip" ? $"'{full}': a zip inside the zip is not accepted." : reason);
                    continue;
                }

                if (written.Contains(stored, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"'{stored}' appears twice in the zip.");
                    continue;
                }

                using var source = entry.Open();
                using var target = new FileStream(Path.Combine(folder, stored), FileMode.CreateNew, FileAccess.Write);
                var buffer = new byte[81920];
                long size = 0;
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    size += read;
                    total += read;
                    if (size > limits.MaxFileBytes || total > limits.MaxTotalBytes)
                    {
                        return new Outcome([], [$"'{stored}' in the zip is larger than the limit ({limits.MaxFileBytes} bytes per file, {limits.MaxTotalBytes} in all)."], true);
                    }

                    target.Write(buffer, 0, read);
                }

                written.Add(stored);
            }
        }
        catch (InvalidDataException)
        {
            return new Outcome([], ["The .zip file cannot be read."], false);
        }

        return problems.Count > 0 ? new Outcome([], problems, false) : new Outcome(written, [], false);
    }

    /// <summary>An absolute path, a backslash (a Windows path), a ".." segment or a drive ("C:/EVIL/units.csv").</summary>
    private static bool IsOutside(string fullName) =>
        fullName.StartsWith('/') || fullName.Contains('\\') || fullName.Contains(':') || fullName.Split('/').Any(part => part == "..");

    private static bool IsNoise(string fullName) =>
        fullName.EndsWith('/') || fullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
        || fullName.Split('/')[^1].StartsWith('.');
}
