using System.Text;
using Analytics.Model.Analysis;
using Analytics.Model.Export;
using Analytics.Model.Metrics;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Analysis;

// The month's analysis stored with the fingerprint of its inputs: read back while the inputs are unchanged (the
// stored row keeps its computed_at), computed again after a load, a correction or other settings.
public sealed class AnalysisStoreTests : IDisposable
{
    private readonly Scenario _s = new Scenario().Peers().Tenant("T1", "fashion", _ => 40_000);

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Get_InputsUnchanged_ReadsTheStoredResultWithoutComputing()
    {
        var first = AnalysisStore.Get(_s.W.Connection, null, Month.Of(Scenario.P), AnalysisSettings.Default, _s.W.Clock);
        var stamp = AnalysisStore.Stamp(_s.W.Connection, null, Month.Of(Scenario.P));
        _s.W.Clock.Advance(TimeSpan.FromHours(1));

        var second = AnalysisStore.Get(_s.W.Connection, null, Month.Of(Scenario.P), AnalysisSettings.Default, _s.W.Clock);

        stamp.Should().NotBeNull();
        AnalysisStore.Stamp(_s.W.Connection, null, Month.Of(Scenario.P)).Should().Be(stamp, "a matching fingerprint is read, not recomputed");
        second.Timings.Should().BeEmpty("a stored result ran no step");
        Csv(second.ScoreTable()).Should().Be(Csv(first.ScoreTable()));
        Csv(second.FlagTable()).Should().Be(Csv(first.FlagTable()));
        second.ModelCard().Should().Be(first.ModelCard());
        Scalar("SELECT count(*) FROM analysis_scores").Should().Be(first.Scores.Count);
    }

    [Fact]
    public void Get_AfterANewLoadAndAfterACorrection_Recomputes()
    {
        AnalysisStore.Get(_s.W.Connection, null, Month.Of(Scenario.P), AnalysisSettings.Default, _s.W.Clock);
        var stored = AnalysisStore.Stamp(_s.W.Connection, null, Month.Of(Scenario.P))!.Value;

        // A new load (a sale on a new day), then a correction of that row (same key, another amount), both through the real loader.
        var loaded = LoadAndRead("T1,2025-06-20,5000.00,100\n");
        var corrected = LoadAndRead("T1,2025-06-20,7000.00,100\n");

        loaded.Stamp.Fingerprint.Should().NotBe(stored.Fingerprint);
        loaded.Stamp.ComputedAt.Should().Be(stored.ComputedAt.AddHours(1));
        corrected.Stamp.Fingerprint.Should().NotBe(loaded.Stamp.Fingerprint);
        corrected.Stamp.ComputedAt.Should().Be(stored.ComputedAt.AddHours(2));
        (corrected.NetSales - loaded.NetSales).Should().Be(2000m, "the corrected row replaced the loaded one");
    }

    private ((string Fingerprint, DateTime ComputedAt) Stamp, decimal NetSales) LoadAndRead(string salesRows)
    {
        _s.W.Clock.Advance(TimeSpan.FromHours(1));
        var drop = Path.Combine(_s.W.Folder, "drop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(drop);
        File.WriteAllText(Path.Combine(drop, "sales.csv"), "tenant_id,date,net_sales,transactions\n" + salesRows, new UTF8Encoding(false));
        _s.W.LoadDrop(drop);
        var result = AnalysisStore.Get(_s.W.Connection, null, Month.Of(Scenario.P), AnalysisSettings.Default, _s.W.Clock);
        return (AnalysisStore.Stamp(_s.W.Connection, null, Month.Of(Scenario.P))!.Value, result.Scores.Single(s => s.Frame.Metrics.TenantId == "T1").Frame.Metrics.NetSales);
    }

    [Fact]
    public void Get_OtherSettingsOrRowsWrittenWithoutALoad_Recompute()
    {
        var settings = AnalysisSettings.Default;
        var fingerprint = AnalysisStore.Fingerprint(_s.W.Connection, null, Month.Of(Scenario.P), settings);

        AnalysisStore.Fingerprint(_s.W.Connection, null, Month.Of(Scenario.P), settings with { MinPeers = 4 }).Should().NotBe(fingerprint);
        AnalysisStore.Fingerprint(_s.W.Connection, "main", Month.Of(Scenario.P), settings).Should().NotBe(fingerprint);
        AnalysisStore.Fingerprint(_s.W.Connection, null, Month.Of(Scenario.P.AddMonths(-1)), settings).Should().NotBe(fingerprint);
        _s.W.Sale("T1", Scenario.P.AddDays(20), 5000m, 100);
        AnalysisStore.Fingerprint(_s.W.Connection, null, Month.Of(Scenario.P), settings).Should().NotBe(fingerprint);
    }

    [Fact]
    public void Metrics_StoredWithTheAnalysis_ReadBackExactlyAsTheQueriesComputeThem()
    {
        var settings = AnalysisSettings.Default;
        var query = TenantMetrics.Query(_s.W.Connection, null, Month.Of(Scenario.P), settings.Requests);
        var mallQuery = MallMetrics.Query(_s.W.Connection, null, Month.Of(Scenario.P));

        var computed = AnalysisStore.TenantMetrics(_s.W.Connection, null, Month.Of(Scenario.P), settings, _s.W.Clock);
        var stamp = AnalysisStore.Stamp(_s.W.Connection, null, Month.Of(Scenario.P));
        var read = AnalysisStore.TenantMetrics(_s.W.Connection, null, Month.Of(Scenario.P), settings, _s.W.Clock);
        var mallRead = AnalysisStore.MallMetrics(_s.W.Connection, null, Month.Of(Scenario.P), settings, _s.W.Clock);

        stamp.Should().NotBeNull("the metrics came with the month's analysis, stored");
        AnalysisStore.Stamp(_s.W.Connection, null, Month.Of(Scenario.P)).Should().Be(stamp, "the second reader read the stored month");
        query.Should().HaveCount(7);
        foreach (var format in (string[])["csv", "json", "table"])
        {
            Export(TenantMetricsRow.Columns, computed.Select(r => r.Values()), format).Should().Be(Export(TenantMetricsRow.Columns, query.Select(r => r.Values()), format));
            Export(TenantMetricsRow.Columns, read.Select(r => r.Values()), format).Should().Be(Export(TenantMetricsRow.Columns, query.Select(r => r.Values()), format));
            Export(MallMetricsRow.Columns, mallRead.Select(r => r.Values()), format).Should().Be(Export(MallMetricsRow.Columns, mallQuery.Select(r => r.Values()), format));
        }

        // The SQL readers' tables hold the same rows.
        Scalar("SELECT count(*) FROM analysis_metrics WHERE mall_id = '' AND period = DATE '2025-06-01'").Should().Be(query.Count);
        Decimal("SELECT sum(net_sales) FROM analysis_metrics").Should().Be(query.Sum(r => r.NetSales));
        Decimal("SELECT sum(arrears) FROM analysis_metrics").Should().Be(query.Sum(r => r.Arrears));
        Decimal("SELECT mall_sales FROM analysis_mall_metrics WHERE mall = 'main'").Should().Be(mallQuery.Single().MallSales);
    }

    [Fact]
    public void Metrics_EarlyMonths_TheFirstMonthOfSalesIsAnalysed_AMonthBeforeItIsComputedWithoutStoring()
    {
        var settings = AnalysisSettings.Default;
        foreach (var month in new[] { Month.Of(Scenario.FirstMonth).AddMonths(-1), Month.Of(Scenario.FirstMonth), Month.Of(Scenario.FirstMonth).AddMonths(1) })
        {
            var stored = AnalysisStore.TenantMetrics(_s.W.Connection, null, month, settings, _s.W.Clock);
            var query = TenantMetrics.Query(_s.W.Connection, null, month, settings.Requests);
            query.Should().HaveCount(7, "every lease is in force from 2021");
            Export(TenantMetricsRow.Columns, stored.Select(r => r.Values()), "csv").Should().Be(Export(TenantMetricsRow.Columns, query.Select(r => r.Values()), "csv"));
            Export(MallMetricsRow.Columns, AnalysisStore.MallMetrics(_s.W.Connection, null, month, settings, _s.W.Clock).Select(r => r.Values()), "csv")
                .Should().Be(Export(MallMetricsRow.Columns, MallMetrics.Query(_s.W.Connection, null, month).Select(r => r.Values()), "csv"));
            AnalysisStore.Stamp(_s.W.Connection, null, month).HasValue.Should().Be(month >= Month.Of(Scenario.FirstMonth), month.ToString());
        }
    }

    private decimal Decimal(string sql)
    {
        using var cmd = _s.W.Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToDecimal(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Export(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string format)
    {
        var table = new ExportTable(columns);
        foreach (var row in rows)
        {
            table.Add(row);
        }

        using var writer = new StringWriter();
        table.Write(writer, format);
        return writer.ToString();
    }

    private long Scalar(string sql)
    {
        using var cmd = _s.W.Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Csv(ExportTable table)
    {
        using var writer = new StringWriter();
        table.Write(writer, "csv");
        return writer.ToString();
    }
}
