using System.Globalization;
using Analytics.Ingest;
using Analytics.Model.Analysis;
using Analytics.Model.Export;
using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Backtest;

/// <summary>
/// How often each flag was right: for every month of a range, the flags as the analysis would have raised them on
/// the month's last day with only what was known then (<see cref="PointInTime"/>: models included, they train on
/// the cut data), then what happened in the 6 and 12 months after, against the same outcome among the tenants
/// not flagged. Outcomes whose window reaches past the data are unknown and left out of the counts.
/// </summary>
public static class FlagBacktest
{
    public static readonly int[] Horizons = [6, 12];

    /// <summary>Days a bill stays unpaid to count as serious arrears (as the risk model's outcome).</summary>
    private const int ArrearsDays = 60;

    public static BacktestResult Run(DuckDBConnection connection, string? mallId, Month from, Month to, AnalysisSettings settings,
        IProgress<(int Done, int Total)>? progress = null)
    {
        if (from > to)
        {
            throw new UserError($"--from {from} is after --to {to}.");
        }

        var months = new List<MonthFlags>();
        var total = (to.Year - from.Year) * 12 + to.Number - from.Number + 1;
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            using (PointInTime.Cut(connection, m.Last))
            {
                var result = TenantAnalysis.Run(connection, mallId, m, settings);
                months.Add(new MonthFlags(m,
                    result.Scores.Select(s => new InForce(s.Frame.Key, s.Frame.Metrics.MallId, s.Frame.Metrics.TenantId,
                        s.Frame.SalesChange is { } c && c > -1 ? (double)s.Frame.Metrics.NetSales / (1 + c) : null)).ToList(),
                    result.Flags.Select(f => (f.Score.Frame.Key, f.Code)).ToHashSet()));
            }

            progress?.Report((months.Count, total));
        }

        var outcomes = Outcomes.Load(connection, mallId);
        var details = new ExportTable(["period", "mall_id", "tenant_id", "flag", "outcome_6m", "outcome_12m"]);
        var tally = new Dictionary<(string Code, int Horizon), (int Flagged, int Hits, int Others, int OtherHits)>();
        foreach (var month in months)
        {
            foreach (var t in month.Tenants)
            {
                foreach (var code in FlagCodes.All)
                {
                    var flagged = month.Flags.Contains((t.Key, code));
                    var results = Horizons.Select(h => outcomes.Hit(code, t, month.Period, h)).ToArray();
                    if (flagged)
                    {
                        details.Add([month.Period.ToString(), t.MallId, t.TenantId, code, results[0], results[1]]);
                    }

                    for (var i = 0; i < Horizons.Length; i++)
                    {
                        if (results[i] is not { } hit)
                        {
                            continue;
                        }

                        var x = tally.GetValueOrDefault((code, Horizons[i]));
                        tally[(code, Horizons[i])] = flagged
                            ? (x.Flagged + 1, x.Hits + (hit ? 1 : 0), x.Others, x.OtherHits)
                            : (x.Flagged, x.Hits, x.Others + 1, x.OtherHits + (hit ? 1 : 0));
                    }
                }
            }
        }

        var rows = new List<TrackRecord>();
        foreach (var code in FlagCodes.All)
        {
            foreach (var h in Horizons)
            {
                var x = tally.GetValueOrDefault((code, h));
                rows.Add(TrackRecord.Of(code, h, x.Flagged, x.Hits, x.Others, x.OtherHits));
            }
        }

        return new BacktestResult(from, to, mallId, rows, details);
    }

    private sealed record InForce(string Key, string MallId, string TenantId, double? SalesBase) : Outcomes.ITenant;

    private sealed record MonthFlags(Month Period, IReadOnlyList<InForce> Tenants, HashSet<(string Key, string Code)> Flags);

    /// <summary>What happened after a month, from the whole warehouse (read once; no cut).</summary>
    private sealed class Outcomes
    {
        public interface ITenant
        {
            string Key { get; }
            string MallId { get; }
            double? SalesBase { get; }
        }

        private readonly DuckDBConnection _connection;
        private readonly string? _mallId;
        private readonly DateOnly _dataEnd;
        private readonly Dictionary<string, List<DateOnly>> _exits = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(DateOnly Due, DateOnly? Paid, bool Full)>> _bills = new(StringComparer.Ordinal);
        private readonly Dictionary<Month, Dictionary<string, (double? Density, decimal NetSales, double? Floor)>> _monthly = [];

        private Outcomes(DuckDBConnection connection, string? mallId, DateOnly dataEnd)
        {
            _connection = connection;
            _mallId = mallId;
            _dataEnd = dataEnd;
        }

        public static Outcomes Load(DuckDBConnection connection, string? mallId)
        {
            var end = SalesDays.Last(connection, mallId) ?? DateOnly.MinValue;
            var o = new Outcomes(connection, mallId, end);
            o.Read("SELECT mall_id || chr(31) || tenant_id, exit_date FROM tenants WHERE exit_date IS NOT NULL", r =>
                Add(o._exits, r.GetString(0), r.GetFieldValue<DateOnly>(1)));
            o.Read("""
                SELECT mall_id || chr(31) || tenant_id, due_date, paid_date, amount_paid >= amount_due FROM rent
                WHERE amount_due > 0 AND (paid_date IS NULL OR amount_paid < amount_due OR paid_date > due_date + 30)
                """, r => Add(o._bills, r.GetString(0), (r.GetFieldValue<DateOnly>(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2), r.GetBoolean(3))));
            return o;
        }

        /// <summary>Whether the flag's outcome happened within the horizon; null when the data does not reach that far or cannot show it.</summary>
        public bool? Hit(string code, ITenant t, Month period, int horizon)
        {
            var d = period.Last;
            var end = period.AddMonths(horizon).Last;
            if (end > _dataEnd)
            {
                return null;
            }

            switch (code)
            {
                case FlagCodes.Replace or FlagCodes.Watch:
                    return Exited(t.Key, d, end) || InArrears(t.Key, d, end);
                case FlagCodes.RentRelief or FlagCodes.RentReviewUp:
                    return InArrears(t.Key, d, end);
                case FlagCodes.ImprovementPlan:
                    // Sales within the category's band then: at least the category's lower quartile.
                    var month = Monthly(Month.Of(end));
                    return month.TryGetValue(t.Key, out var x) && x.Density is { } density && x.Floor is { } floor && density >= floor;
                default:
                    // Sales audit: reported sales back to at least 90 % of the level before the drop (where the
                    // tenant still trades and had a level to return to).
                    var later = Monthly(Month.Of(end));
                    return t.SalesBase is > 0 && later.TryGetValue(t.Key, out var y) ? (double)y.NetSales >= 0.9 * t.SalesBase.Value : null;
            }
        }

        private bool Exited(string key, DateOnly d, DateOnly end) =>
            _exits.TryGetValue(key, out var exits) && exits.Any(x => x > d && x <= end);

        /// <summary>At some moment after D and by the horizon, a bill at least 60 days past due was still unpaid.</summary>
        private bool InArrears(string key, DateOnly d, DateOnly end) =>
            _bills.TryGetValue(key, out var bills) && bills.Any(b =>
            {
                var serious = b.Due.AddDays(ArrearsDays);
                var from = serious > d ? serious : d;
                return serious <= end && (!b.Full || b.Paid is null || b.Paid > from);
            });

        private Dictionary<string, (double? Density, decimal NetSales, double? Floor)> Monthly(Month month)
        {
            if (_monthly.TryGetValue(month, out var cached))
            {
                return cached;
            }

            var rows = TenantMetrics.Query(_connection, _mallId, month);
            var quartiles = rows.Where(r => r.SalesDensity is not null).GroupBy(r => (r.MallId, r.Category))
                .ToDictionary(g => g.Key, g => LowerQuartile(g.Select(r => r.SalesDensity!.Value)));
            var map = rows.ToDictionary(r => r.MallId + "\u001f" + r.TenantId,
                r => (r.SalesDensity, r.NetSales, quartiles.TryGetValue((r.MallId, r.Category), out var q) ? q : (double?)null), StringComparer.Ordinal);
            _monthly[month] = map;
            return map;
        }

        private static double? LowerQuartile(IEnumerable<double> values)
        {
            var v = values.OrderBy(x => x).ToArray();
            if (v.Length < 4)
            {
                return null;
            }

            var pos = 0.25 * (v.Length - 1);
            var lo = (int)Math.Floor(pos);
            return v[lo] + (pos - lo) * (v[Math.Min(lo + 1, v.Length - 1)] - v[lo]);
        }

        private void Read(string sql, Action<System.Data.Common.DbDataReader> row)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = sql + (_mallId is null ? "" : " AND mall_id = $mall");
            if (_mallId is not null)
            {
                cmd.Parameters.Add(new DuckDBParameter("mall", _mallId));
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                row(r);
            }
        }

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(value);
        }
    }
}

/// <summary>One flag's track record at one horizon: precision with a Wilson 95 % interval, against the base rate.</summary>
public sealed record TrackRecord(string Flag, int HorizonMonths, int Flagged, int Hits, double? Precision, double? BaseRate, double? Lift, double? CiLow, double? CiHigh)
{
    public static IReadOnlyList<string> Columns { get; } = ["flag", "horizon_months", "flagged", "hits", "precision", "base_rate", "lift", "ci_low", "ci_high"];

    public static TrackRecord Of(string flag, int horizon, int flagged, int hits, int others, int otherHits)
    {
        double? precision = flagged > 0 ? (double)hits / flagged : null;
        double? baseRate = others > 0 ? (double)otherHits / others : null;
        double? lift = precision is { } p && baseRate is > 0 ? p / baseRate.Value : null;
        var (low, high) = flagged > 0 ? Wilson(hits, flagged) : ((double?)null, (double?)null);
        return new TrackRecord(flag, horizon, flagged, hits, precision, baseRate, lift, low, high);
    }

    /// <summary>Wilson score interval at 95 % (z = 1.96): sound for small counts and for 0 or all hits.</summary>
    internal static (double? Low, double? High) Wilson(int hits, int n)
    {
        const double z = 1.96;
        var p = (double)hits / n;
        var denominator = 1 + z * z / n;
        var centre = (p + z * z / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    public object?[] Values() => [Flag, HorizonMonths, Flagged, Hits, Precision, BaseRate, Lift, CiLow, CiHigh];

    /// <summary>One sentence for the model card and the brief, in English or Chinese.</summary>
    public string Sentence(string language)
    {
        var c = CultureInfo.InvariantCulture;
        string Pct(double? x) => x is { } v ? (v * 100).ToString("0", c) + "%" : "–";
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        if (Flagged == 0)
        {
            return zh
                ? $"{Flag}：回测期内无可核验结果的预警（{HorizonMonths}个月）。"
                : $"{Flag}: no flag with a known {HorizonMonths}-month outcome in the backtest.";
        }

        var lift = Lift is { } l ? l.ToString("0.0", c) : "–";
        return zh
            ? $"{Flag}：{Flagged} 次预警中 {Hits} 次在{HorizonMonths}个月内应验（准确率 {Pct(Precision)}，95% 区间 {Pct(CiLow)}–{Pct(CiHigh)}），未预警商户同类结果比例 {Pct(BaseRate)}，提升 {lift} 倍。"
            : $"{Flag}: {Hits} of {Flagged} flags were borne out within {HorizonMonths} months (precision {Pct(Precision)}, 95% interval {Pct(CiLow)}–{Pct(CiHigh)}) against {Pct(BaseRate)} among tenants not flagged (lift {lift}).";
    }
}

/// <summary>A backtest's summary (one row per flag and horizon) and every flag of every month with its outcomes.</summary>
public sealed record BacktestResult(Month From, Month To, string? MallId, IReadOnlyList<TrackRecord> Records, ExportTable Details)
{
    public ExportTable Summary()
    {
        var table = new ExportTable(TrackRecord.Columns);
        foreach (var r in Records)
        {
            table.Add(r.Values());
        }

        return table;
    }

    /// <summary>The track record as a model-card section (Markdown).</summary>
    public string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## Track record (backtest {From} to {To})");
        sb.AppendLine();
        sb.AppendLine("Flags recomputed on each month's last day with only what was known then; outcomes from the months after.");
        sb.AppendLine();
        foreach (var r in Records)
        {
            sb.AppendLine("- " + r.Sentence("en"));
        }

        return sb.ToString();
    }
}
