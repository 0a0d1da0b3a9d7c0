namespace Analytics.Reports.Fonts;

/// <summary>
/// Where the report fonts are. The default follows scripts/install-fonts.sh: $ANALYTICS_FONT_DIR, else
/// $XDG_CACHE_HOME/tenant-analytics/fonts, else ~/.cache/tenant-analytics/fonts. Fonts are found by path,
/// never through fontconfig, so a report looks the same on every machine that ran the script.
/// </summary>
public sealed record FontSettings(string Directory)
{
    public const string RegularFileName = "NotoSansCJKsc-Regular.otf";
    public const string BoldFileName = "NotoSansCJKsc-Bold.otf";

    public static FontSettings Default => new(DefaultDirectory());

    public string RegularPath => Path.Combine(Directory, RegularFileName);
    public string BoldPath => Path.Combine(Directory, BoldFileName);

    private static string DefaultDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("ANALYTICS_FONT_DIR");
        if (!string.IsNullOrWhiteSpace(explicitDir))
            return explicitDir;
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "tenant-analytics", "fonts");
    }
}
