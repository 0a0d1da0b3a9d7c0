using Analytics.SampleData.Bad;
using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;
using Analytics.SampleData.Xlsx;

namespace Analytics.SampleData.Sample;

/// <summary>
/// The committed demo data: one mall, 36 months ending 2026-10-31, with planted situations and their ground truth,
/// an xlsx copy, and a drop of bad rows with the rejections the loader must report.
/// </summary>
public static class SampleDrop
{
    /// <summary>The seed of the committed sample (data-samples/).</summary>
    public const int DefaultSeed = 20261031;

    public const string DropFolder = "drop";
    public const string XlsxFolder = "xlsx-drop";
    public const string BadFolder = "bad-drop";
    public const string TruthFile = "sample-truth.csv";
    public const string BadExpectedFile = "bad-drop-expected.csv";

    /// <summary>What the operations datasets plant: turnover-rent slips, targets far too high, overdue requests.</summary>
    public const string OperationsTruthFile = "operations-truth.csv";

    public const string MallName = "星河汇购物中心";
    public const string MallNameEn = "Galaxy Place";

    /// <summary>Writes drop/, xlsx-drop/, bad-drop/, sample-truth.csv and bad-drop-expected.csv into <paramref name="dir"/>.</summary>
    public static IReadOnlyDictionary<string, long> Write(string dir, int seed = DefaultSeed, SampleMix? mix = null)
    {
        var plan = MallPlan.Build(seed, mix);
        var (counts, operations) = WriteDrop(Path.Combine(dir, DropFolder), plan, seed);
        WriteTruth(Path.Combine(dir, TruthFile), plan);
        operations.Write(Path.Combine(dir, OperationsTruthFile));
        var complaints = ComplaintBook.Draw(plan, seed);
        XlsxDrop.Write(Path.Combine(dir, XlsxFolder, "mall.xlsx"), plan, TenantRows(plan, seed), complaints);
        BadDrop.Write(Path.Combine(dir, BadFolder), Path.Combine(dir, BadExpectedFile));
        return counts;
    }

    /// <summary>Only the CSV drop (what a test compares with the committed one).</summary>
    public static IReadOnlyDictionary<string, long> WriteDrop(string dropDir, int seed = DefaultSeed, SampleMix? mix = null) =>
        WriteDrop(dropDir, MallPlan.Build(seed, mix), seed).Counts;

    /// <summary>The CSV drop and its ground truth (a second mall for evaluation: another seed and mix).</summary>
    public static IReadOnlyDictionary<string, long> WriteDropAndTruth(string dir, int seed, SampleMix? mix = null)
    {
        var plan = MallPlan.Build(seed, mix);
        var counts = WriteDrop(Path.Combine(dir, DropFolder), plan, seed).Counts;
        WriteTruth(Path.Combine(dir, TruthFile), plan);
        return counts;
    }

    private static (Dictionary<string, long> Counts, OperationsTruth Truth) WriteDrop(string dropDir, MallPlan plan, int seed)
    {
        Directory.CreateDirectory(dropDir);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        string In(string name) => Path.Combine(dropDir, name + ".csv");
        counts["units"] = WriteUnits(In("units"), plan);
        counts["tenants"] = WriteTenants(In("tenants"), TenantRows(plan, seed));
        var sales = SalesBook.Draw(plan, seed);
        counts["sales"] = sales.Write(In("sales"), plan.Tenants);
        var rent = RentBook.Draw(plan, sales, seed);
        var turnover = TurnoverBook.Plant(plan, sales, rent, seed);
        counts["rent"] = RentBook.Write(In("rent"), rent);
        counts["complaints"] = ComplaintBook.Write(In("complaints"), ComplaintBook.Draw(plan, seed));
        counts["inspections"] = InspectionBook.Write(In("inspections"), plan, seed);
        counts["footfall"] = FootfallBook.Write(In("footfall"), seed);
        counts["malls"] = WriteMalls(In("malls"));
        counts["turnover_tiers"] = turnover.WriteTiers(In("turnover_tiers"));
        var (budget, farBelow) = BudgetBook.Draw(plan, sales, seed);
        counts["budget"] = BudgetBook.Write(In("budget"), budget);
        var (requests, overdue) = RequestBook.Draw(plan, seed);
        counts["requests"] = RequestBook.Write(In("requests"), requests);
        return (counts, new OperationsTruth(turnover, farBelow, overdue));
    }

    private static long WriteMalls(string path)
    {
        using var csv = new CsvWriter(path, ["mall_id", "mall_name", "mall_name_en", "city", "time_zone", "currency"]);
        csv.WriteRow(["main", MallName, MallNameEn, "成都", "Asia/Shanghai", "CNY"]);
        return csv.Rows;
    }

    internal static readonly string[] UnitHeader = ["unit_id", "floor", "zone", "area_sqm"];

    private static long WriteUnits(string path, MallPlan plan)
    {
        using var csv = new CsvWriter(path, UnitHeader);
        foreach (var u in plan.Units)
        {
            csv.WriteRow([u.UnitId, u.Floor, u.Zone, Format.Money(u.AreaSqm)]);
        }
        return csv.Rows;
    }

    internal static readonly string[] TenantHeader =
    [
        "tenant_id", "tenant_name", "brand", "category", "unit_id", "floor", "area_sqm", "lease_start", "lease_end",
        "base_rent", "turnover_rate_pct", "service_charge", "exit_date", "exit_reason", "contact_email",
    ];

    /// <summary>One lease row; <see cref="SlashDates"/> and <see cref="PercentSign"/> record how a clerk typed it.</summary>
    internal sealed record TenantRow(
        TenantPlan Tenant, LeasePlan Lease, bool SlashDates, bool PercentSign);

    internal static List<TenantRow> TenantRows(MallPlan plan, int seed)
    {
        // Drawn separately so the form of the file can change without touching any number.
        var rng = Seeds.For(seed, "tenant-form");
        var rows = new List<TenantRow>();
        foreach (var t in plan.Tenants.OrderBy(t => t.TenantId, StringComparer.Ordinal))
        {
            foreach (var lease in t.Leases)
            {
                rows.Add(new TenantRow(t, lease, rng.Chance(0.3), rng.Chance(0.5)));
            }
        }
        return rows;
    }

    private static long WriteTenants(string path, List<TenantRow> rows)
    {
        using var csv = new CsvWriter(path, TenantHeader);
        foreach (var r in rows)
        {
            Func<DateOnly, string> date = r.SlashDates ? Format.SlashDate : Format.Date;
            var t = r.Tenant;
            var rate = r.Lease.TurnoverRatePct == 0 ? string.Empty : Format.Number((double)r.Lease.TurnoverRatePct) + (r.PercentSign ? "%" : string.Empty);
            csv.WriteRow([
                t.TenantId, t.Name, t.Brand, t.Category.Name, t.Unit.UnitId, t.Unit.Floor, Format.Money(t.Unit.AreaSqm),
                date(r.Lease.Start), date(r.Lease.End), Format.Money(r.Lease.BaseRent), rate, Format.Money(r.Lease.ServiceCharge),
                r.Lease.ExitDate is { } exit ? date(exit) : string.Empty, r.Lease.ExitReason ?? string.Empty, t.ContactEmail,
            ]);
        }
        return csv.Rows;
    }

    private static readonly string[] SituationOrder =
    [
        "replace", "rent_relief", "rent_review_up", "improvement_plan", "sales_audit", "watch",
        "control_new_tenant", "control_seasonal", "control_one_bad_month", "control_busy", "control_mall_dip", "past_exit", "past_arrears",
    ];

    private static void WriteTruth(string path, MallPlan plan)
    {
        var rows = plan.Tenants.Where(t => t.Situation != "ordinary")
            .Select(t => (t.TenantId, t.Situation, t.ExpectedFlag, t.Note))
            .Append((string.Empty, "control_mall_dip", "none",
                $"all tenants and the footfall -{Math.Round((1 - SampleCalendar.DipFactor) * 100)} % in {Format.Period(SampleCalendar.DipStart)} (atrium renovation); must not flag anyone by itself"))
            .OrderBy(r => Array.IndexOf(SituationOrder, r.Item2)).ThenBy(r => r.Item1, StringComparer.Ordinal);
        using var csv = new CsvWriter(path, ["tenant_id", "situation", "expected_flag", "note"]);
        foreach (var (id, situation, flag, note) in rows)
        {
            csv.WriteRow([id, situation, flag, note]);
        }
    }
}
