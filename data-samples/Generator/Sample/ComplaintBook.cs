using Analytics.SampleData.Common;
using Analytics.SampleData.Csv;

namespace Analytics.SampleData.Sample;

/// <summary>
/// Customer complaints from the service desk system: a few a week, some about the mall itself (empty tenant).
/// Exported with a byte-order mark and CRLF line ends, as Windows tools write them.
/// </summary>
internal static class ComplaintBook
{
    /// <summary>Complaints about the mall itself (parking, toilets, lifts) per month.</summary>
    private const double MallComplaintsPerMonth = 3.5;

    private static readonly IReadOnlyList<(string Channel, double Weight)> Channels = [("hotline", 0.35), ("wechat", 0.30), ("onsite", 0.20), ("app", 0.15)];
    private static readonly IReadOnlyList<(int Severity, double Weight)> Severities = [(1, 0.6), (2, 0.3), (3, 0.1)];

    public static readonly string[] Header = ["complaint_id", "received_at", "tenant_id", "channel", "category", "severity", "status", "resolved_at", "description"];

    internal sealed record Complaint(string Id, DateTime ReceivedAt, bool WithSeconds, string TenantId, string Channel, string Category, int Severity, string Status, DateTime? ResolvedAt, string Description);

    public static List<Complaint> Draw(MallPlan plan, int seed)
    {
        var drafts = new List<(DateTime At, string TenantId)>();
        for (var i = 0; i < plan.Tenants.Count; i++)
        {
            var t = plan.Tenants[i];
            var rng = Seeds.For(seed, "complaints", i);
            foreach (var at in Events(t, t.ComplaintsPerMonth, t.ComplaintBoosts, rng))
            {
                drafts.Add((at.Date, t.TenantId));
            }
        }
        var mallRng = Seeds.For(seed, "complaints-mall");
        foreach (var month in SampleCalendar.MonthsBetween(SampleCalendar.Start, SampleCalendar.End))
        {
            var n = mallRng.Poisson(MallComplaintsPerMonth);
            for (var k = 0; k < n; k++)
            {
                drafts.Add((TimeOfDay(mallRng.DateBetween(month, SampleCalendar.MonthEnd(month)), mallRng), string.Empty));
            }
        }
        var textRng = Seeds.For(seed, "complaint-text");
        var list = new List<Complaint>();
        var seq = 0;
        var exportedAt = SampleCalendar.End.ToDateTime(new TimeOnly(23, 0));
        foreach (var (drawnAt, tenantId) in drafts.OrderBy(d => d.At).ThenBy(d => d.TenantId, StringComparer.Ordinal))
        {
            // Some desks type the time without seconds; the value is then the whole minute.
            var withSeconds = !textRng.Chance(0.2);
            var at = withSeconds ? drawnAt : drawnAt.AddSeconds(-drawnAt.Second);
            var aboutMall = tenantId.Length == 0;
            var category = textRng.Pick(aboutMall ? Texts.MallComplaintCategories : Texts.ComplaintCategories);
            var recent = at > exportedAt.AddDays(-14);
            DateTime? resolved = DuringOfficeHours(at.AddMinutes(textRng.Between(60, 4 * 24 * 60)), textRng);
            var open = textRng.Chance(recent ? 0.5 : 0.02) || resolved > exportedAt;
            list.Add(new Complaint(
                FormattableString.Invariant($"CP{++seq:000000}"),
                at,
                withSeconds,
                tenantId,
                textRng.Pick(Channels),
                category,
                textRng.Pick(Severities),
                open ? "open" : "resolved",
                open ? null : resolved,
                Texts.ComplaintText(textRng, category, aboutMall)));
        }
        return list;
    }

    public static long Write(string path, IEnumerable<Complaint> complaints)
    {
        using var csv = new CsvWriter(path, Header, byteOrderMark: true, newLine: "\r\n");
        foreach (var c in complaints)
        {
            csv.WriteRow([
                c.Id, Format.Timestamp(c.ReceivedAt, c.WithSeconds), c.TenantId, c.Channel, c.Category, Format.Int(c.Severity), c.Status,
                c.ResolvedAt is { } r ? Format.Timestamp(r) : string.Empty, c.Description,
            ]);
        }
        return csv.Rows;
    }

    /// <summary>Poisson events per month over the tenant's trading days, plus its boosts over their spans.</summary>
    internal static IEnumerable<(DateTime Date, string? Type)> Events(TenantPlan t, double perMonth, List<Boost> boosts, Random rng)
    {
        if (t.TradingFrom > t.TradingTo)
        {
            yield break;
        }
        foreach (var month in SampleCalendar.MonthsBetween(t.TradingFrom, t.TradingTo))
        {
            var monthEnd = SampleCalendar.MonthEnd(month);
            var from = month > t.TradingFrom ? month : t.TradingFrom;
            var to = monthEnd < t.TradingTo ? monthEnd : t.TradingTo;
            var share = (to.DayNumber - from.DayNumber + 1) / (double)monthEnd.Day;
            var n = rng.Poisson(perMonth * share);
            for (var k = 0; k < n; k++)
            {
                yield return (TimeOfDay(rng.DateBetween(from, to), rng), null);
            }
            foreach (var b in boosts)
            {
                var bFrom = b.From > from ? b.From : from;
                var bTo = b.To < to ? b.To : to;
                if (bFrom > bTo)
                {
                    continue;
                }
                var m = rng.Poisson(b.PerMonth * (bTo.DayNumber - bFrom.DayNumber + 1) / monthEnd.Day);
                for (var k = 0; k < m; k++)
                {
                    yield return (TimeOfDay(rng.DateBetween(bFrom, bTo), rng), b.Types is { } types ? rng.Pick(types) : null);
                }
            }
        }
    }

    /// <summary>The service desk closes cases between 09:00 and 22:00; a time outside moves to the next morning.</summary>
    private static DateTime DuringOfficeHours(DateTime at, Random rng) => at.Hour switch
    {
        < 9 => at.Date.AddHours(9).AddMinutes(rng.Between(0, 120)),
        >= 22 => at.Date.AddDays(1).AddHours(9).AddMinutes(rng.Between(0, 120)),
        _ => at,
    };

    private static DateTime TimeOfDay(DateOnly d, Random rng) =>
        d.ToDateTime(new TimeOnly(rng.Between(10, 21), rng.Between(0, 59), rng.Between(0, 59)));
}
