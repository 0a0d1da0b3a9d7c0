using System.Collections.Concurrent;
using Analytics.Ingest;
using SkiaSharp;

namespace Analytics.Reports.Fonts;

/// <summary>
/// The two faces every report draws with (Noto Sans CJK SC, regular and bold; they cover Latin and Chinese,
/// so no per-run fallback is needed). Loaded once per folder per process and shared: typefaces are immutable
/// and safe to use from several threads. The same typefaces are given to ScottPlot under
/// <see cref="ChartFontName"/> so chart labels use the page's typeface.
/// </summary>
public sealed class ReportFonts
{
    /// <summary>The family name charts use (registered with ScottPlot by path, not looked up in the system).</summary>
    public const string ChartFontName = "Tenant Analytics Sans";

    private static readonly ConcurrentDictionary<string, Lazy<ReportFonts>> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock ChartRegistration = new();
    private static bool chartsRegistered;

    private ReportFonts(SKTypeface regular, SKTypeface bold, FontSettings settings)
    {
        Regular = regular;
        Bold = bold;
        Settings = settings;
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }
    public FontSettings Settings { get; }

    public static ReportFonts Load(FontSettings settings)
    {
        var key = Path.GetFullPath(settings.Directory);
        var lazy = Loaded.GetOrAdd(key, _ => new Lazy<ReportFonts>(() => LoadFrom(settings)));
        try
        {
            return lazy.Value;
        }
        catch (UserError)
        {
            // A missing font is fixable while the process runs (the script may run next): do not cache the failure.
            Loaded.TryRemove(key, out _);
            throw;
        }
    }

    internal SKTypeface Face(bool bold) => bold ? Bold : Regular;

    /// <summary>
    /// Makes ScottPlot resolve <see cref="ChartFontName"/> to these typefaces. ScottPlot keeps resolvers and a
    /// typeface cache in process-wide state, so the first fonts registered serve every chart of the process;
    /// normal runs only ever load one font folder.
    /// </summary>
    internal void RegisterWithCharts()
    {
        lock (ChartRegistration)
        {
            if (chartsRegistered)
                return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new Charts.ReportFontResolver(this));
            chartsRegistered = true;
        }
    }

    private static ReportFonts LoadFrom(FontSettings settings)
    {
        var regular = LoadFace(settings.RegularPath);
        var bold = LoadFace(settings.BoldPath);
        return new ReportFonts(regular, bold, settings);
    }

    private static SKTypeface LoadFace(string path)
    {
        if (!File.Exists(path))
            throw new UserError($"The report font {path} is missing: run scripts/install-fonts.sh (or set ANALYTICS_FONT_DIR to the folder it built).");
        var face = SKTypeface.FromFile(path)
            ?? throw new UserError($"The report font {path} cannot be read: run scripts/install-fonts.sh again to rebuild it.");
        // An unprocessed Noto face still maps the Kangxi radical ⽉ (U+2F49); with it, 月 would extract from the
        // PDF as the radical and Chinese names could not be searched. Refuse it rather than write such PDFs.
        if (face.ContainsGlyphs("\u2F49"))
        {
            face.Dispose();
            throw new UserError($"The report font {path} was not built by scripts/install-fonts.sh (it still maps radicals): run the script.");
        }
        return face;
    }
}
