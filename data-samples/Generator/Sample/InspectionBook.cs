using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>Findings of the floor patrols, exported from a Hong Kong-built system: traditional Chinese headers.</summary>
internal static class InspectionBook
{
    private static readonly IReadOnlyList<(string Type, double Weight)> Types =
    [
        ("late_open", 0.30), ("early_close", 0.20), ("hygiene", 0.15), ("display", 0.12), ("pricing", 0.08),
        ("fire_safety", 0.08), ("closed_without_notice", 0.04), ("other", 0.03),
    ];

    private static readonly string[] Header = ["日期", "商戶編號", "類型", "分鐘", "備註"];

    public static long Write(string path, MallPlan plan, int seed)
    {
        var rows = new List<(DateOnly Date, string TenantId, string Type, int? Minutes, string? Note)>();
        for (var i = 0; i < plan.Tenants.Count; i++)
        {
            var t = plan.Tenants[i];
            var rng = Seeds.For(seed, "inspections", i);
            var seen = new HashSet<(DateOnly, string)>();
            foreach (var (at, boostType) in ComplaintBook.Events(t, t.FindingsPerMonth, t.FindingBoosts, rng))
            {
                var type = boostType ?? rng.Pick(Types);
                var date = DateOnly.FromDateTime(at);
                if (!seen.Add((date, type)))
                {
                    continue; // one finding per tenant, day and type (the dataset's key)
                }
                int? minutes = type is "late_open" or "early_close" ? rng.Between(5, 60) : null;
                rows.Add((date, t.TenantId, type, minutes, Texts.InspectionNote(rng, type, minutes)));
            }
        }
        using var csv = new CsvWriter(path, Header);
        foreach (var r in rows.OrderBy(r => r.Date).ThenBy(r => r.TenantId, StringComparer.Ordinal).ThenBy(r => r.Type, StringComparer.Ordinal))
        {
            csv.WriteRow([Format.Date(r.Date), r.TenantId, r.Type, r.Minutes is { } m ? Format.Int(m) : string.Empty, r.Note]);
        }
        return csv.Rows;
    }
}
