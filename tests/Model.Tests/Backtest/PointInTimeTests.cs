using Analytics.Model.Analysis;
using Analytics.Model.Backtest;
using Analytics.Model.Metrics;
using Analytics.Model.Tests.Support;
using Xunit.Abstractions;

namespace Analytics.Model.Tests.Backtest;

// Why: a backtest that lets a later fact leak into an earlier month (a payment made after it, an exit that had not
// happened, a model trained on later outcomes) flatters every flag. The backtest's flags for a month must be
// exactly the flags of the ordinary analysis run on a warehouse loaded from the drop as exported on that month's
// last day (cut here file by file, independently of the backtest's own cut).
public sealed class PointInTimeTests(ITestOutputHelper output, PointInTimeTests.FullSample sample) : IClassFixture<PointInTimeTests.FullSample>
{
    /// <summary>The whole sample drop, loaded once for the class.</summary>
    public sealed class FullSample : IDisposable
    {
        internal TestWarehouse Warehouse { get; } = new TestWarehouse().LoadDrop(SampleDrop());

        public void Dispose() => Warehouse.Dispose();
    }

    private readonly TestWarehouse _full = sample.Warehouse;

    [Theory]
    [InlineData(2025, 6)]
    [InlineData(2025, 12)]
    [InlineData(2026, 4)]
    public void Backtest_Month_FlagsEqualTheAnalysisOfTheDropCutAtItsLastDay(int year, int month)
    {
        var period = new Month(year, month);
        var backtest = FlagBacktest.Run(_full.Connection, null, period, period, AnalysisSettings.Default);
        var fromBacktest = backtest.Details.Rows.Select(r => $"{r[2]}:{r[3]}").Order(StringComparer.Ordinal).ToList();

        using var cut = new TestWarehouse();
        var folder = Path.Combine(cut.Folder, "cut-drop");
        DropCut.Write(SampleDrop(), folder, period.Last);
        cut.LoadDrop(folder);
        var direct = TenantAnalysis.Run(cut.Connection, null, period, AnalysisSettings.Default).Flags
            .Select(f => $"{f.Score.Frame.Metrics.TenantId}:{f.Code}").Order(StringComparer.Ordinal).ToList();

        output.WriteLine($"{period}: {fromBacktest.Count} flags: {string.Join(' ', fromBacktest)}");
        direct.Should().NotBeEmpty();
        fromBacktest.Should().Equal(direct);
        // The backtest must have left the warehouse as it found it (the cut is lifted).
        Scalar(_full, "SELECT count(*) FROM sales").Should().Be(Scalar(_full, "SELECT count(*) FROM main.sales"));
        Scalar(_full, $"SELECT count(*) FROM sales WHERE date > DATE '{period.Last:yyyy-MM-dd}'").Should().BeGreaterThan(0);
    }

    private static long Scalar(TestWarehouse w, string sql)
    {
        using var cmd = w.Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string SampleDrop() => Path.Combine(PlantedMall.CommittedSamples(), "drop");
}
