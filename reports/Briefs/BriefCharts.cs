using Analytics.Reports.Language;
using ScottPlot;

namespace Analytics.Reports.Briefs;

/// <summary>The chart shapes the briefs use: lines over months and bars over names, in the report's colours.</summary>
internal static class BriefCharts
{
    public static readonly ScottPlot.Color Primary = ScottPlot.Color.FromHex("#1F4E79");
    public static readonly ScottPlot.Color Secondary = ScottPlot.Color.FromHex("#9AA5B1");
    public static readonly ScottPlot.Color Benchmark = ScottPlot.Color.FromHex("#D9822B");

    /// <summary>Lines over the given months; a series may have gaps (null), drawn as breaks.</summary>
    public static Plot Lines(string title, IReadOnlyList<DateOnly> months, ReportLanguage language,
        params (string Legend, IReadOnlyList<double?> Values, ScottPlot.Color Color)[] series)
    {
        var plot = new Plot();
        foreach (var (legend, values, color) in series)
        {
            var points = values.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y is { } y && double.IsFinite(y)).ToList();
            if (points.Count == 0)
                continue;
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y!.Value).ToArray());
            line.Color = color;
            line.LineWidth = 1.8f;
            line.MarkerSize = 3;
            line.LegendText = legend;
        }
        MonthAxis(plot, months, language);
        plot.Title(title);
        // A one-row legend under the plot: inside, it would hide the lines it names.
        if (series.Length > 1)
        {
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.HideLegend();
        }
        return plot;
    }

    /// <summary>Bars over months (e.g. 13 months of sales).</summary>
    public static Plot MonthBars(string title, IReadOnlyList<DateOnly> months, IReadOnlyList<double> values, ReportLanguage language)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(values.ToArray());
        bars.Color = Primary;
        MonthAxis(plot, months, language);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        return plot;
    }

    /// <summary>Bars over names (categories, score bands).</summary>
    public static Plot Bars(string title, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(values.ToArray());
        bars.Color = Primary;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], names.ToArray());
        if (names.Sum(n => n.Length) > 60)
        {
            // Long names side by side would run into each other: slant them.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
            plot.Axes.Bottom.MinimumSize = 45;
        }
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        return plot;
    }

    private static void MonthAxis(Plot plot, IReadOnlyList<DateOnly> months, ReportLanguage language)
    {
        // Every other month labelled: 13 labels do not fit a half-width chart.
        var positions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < months.Count; i += 2)
        {
            positions.Add(i);
            labels.Add(language.MonthTick(months[i], i == 0 || (months[i].Month == 1 && i > 2))); // a year on a label next to the first would collide
        }
        plot.Axes.Bottom.SetTicks(positions.ToArray(), labels.ToArray());
    }
}
