namespace Analytics;

/// <summary>
/// The checkout the tests were built from: the folder holding Analytics.sln above the test binaries, where the
/// committed samples, docs and sources are. One file for every test project (linked by tests/Directory.Build.props).
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A path in the checkout: <c>RepositoryRoot.Combine("data-samples", "drop")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Analytics.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
