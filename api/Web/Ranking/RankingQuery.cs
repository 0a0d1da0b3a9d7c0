using System.Globalization;
using Analytics.Model.Metrics;
using Analytics.Model.Scoring;

namespace Analytics.Api.Web.Ranking;

/// <summary>
/// The ranking's filters, sort and page as the URL carries them (so a filtered view is a link, and the download of it
/// is the same link with format=xlsx|csv). Values out of range fall back to the defaults: a hand-edited URL never fails.
/// </summary>
internal sealed record RankingQuery(
    string? Floor, string? Category, string? Flag, double? ScoreMin, double? ScoreMax, string? Q, int? Expiring,
    string Sort, bool Descending, int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static readonly IReadOnlyList<string> SortKeys =
        ["name", "category", "floor", "score", .. TenantScore.PillarNames, "density", "ratio", "yoy", "ocr", "arrears", "flags", "lease_end"];

    public static RankingQuery From(IQueryCollection q)
    {
        var sort = q["sort"].ToString();
        return new RankingQuery(
            Text(q["floor"]), Text(q["category"]), Text(q["flag"]), Number(q["min"]), Number(q["max"]), Text(q["q"]),
            int.TryParse(q["expiring"], NumberStyles.None, CultureInfo.InvariantCulture, out var e) && e is > 0 and <= 3650 ? e : null,
            SortKeys.Contains(sort) ? sort : "score",
            q["dir"] == "desc",
            int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1,
            int.TryParse(q["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= MaxSize ? s : DefaultSize);
    }

    /// <summary>
    /// The rows that pass every filter, in the asked order. <paramref name="ordered"/> is the month's rows already in
    /// that order (<see cref="Order"/>, computed once per month, sort key and direction), so a request only filters:
    /// one pass over 20,000 rows instead of a sort per request.
    /// </summary>
    public IReadOnlyList<RankingRow> Apply(IReadOnlyList<RankingRow> ordered, Month period)
    {
        var asOf = period.Last;
        return ordered.Where(r =>
            (Floor is null || r.Metrics.Floor == Floor)
            && (Category is null || r.Metrics.Category == Category)
            && (Flag is null || r.Flags.Any(f => f.Code == Flag))
            && (ScoreMin is null || r.Score.Total >= ScoreMin)
            && (ScoreMax is null || r.Score.Total <= ScoreMax)
            && (Expiring is not { } days || ExpiresWithin(r, asOf, days))
            && (Q is null || r.Metrics.TenantName.Contains(Q, StringComparison.OrdinalIgnoreCase)
                || r.TenantId.Contains(Q, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>Every row sorted by one key (nulls last either way; ties by tenant id): filtering keeps this order.</summary>
    public static IReadOnlyList<RankingRow> Order(IReadOnlyList<RankingRow> rows, string sort, bool descending)
    {
        var key = Key(sort);
        var known = rows.Where(r => key(r) is not null);
        var ordered = descending
            ? known.OrderByDescending(key, Comparer<IComparable?>.Default)
            : known.OrderBy(key, Comparer<IComparable?>.Default);
        return ordered.ThenBy(r => r.TenantId, StringComparer.Ordinal)
            .Concat(rows.Where(r => key(r) is null).OrderBy(r => r.TenantId, StringComparer.Ordinal))
            .ToList();
    }

    /// <summary>A lease in force on <paramref name="asOf"/> that ends within the next <paramref name="days"/> days.</summary>
    public static bool ExpiresWithin(RankingRow row, DateOnly asOf, int days) =>
        row.Metrics.LeaseEnd >= asOf && row.Metrics.LeaseEnd.DayNumber - asOf.DayNumber <= days;

    /// <summary>The same view with some values changed, as a query string (for links: sort headers, pages, downloads).</summary>
    public string Link(string? period, string? sort = null, bool? descending = null, int? page = null, string? format = null)
    {
        var pairs = new List<(string, string?)>
        {
            ("period", period), ("floor", Floor), ("category", Category), ("flag", Flag),
            ("min", ScoreMin?.ToString(CultureInfo.InvariantCulture)), ("max", ScoreMax?.ToString(CultureInfo.InvariantCulture)),
            ("q", Q), ("expiring", Expiring?.ToString(CultureInfo.InvariantCulture)),
            ("sort", sort ?? Sort), ("dir", (descending ?? Descending) ? "desc" : "asc"),
            ("page", format is null ? (page ?? Page).ToString(CultureInfo.InvariantCulture) : null),
            ("size", Size == DefaultSize ? null : Size.ToString(CultureInfo.InvariantCulture)),
            ("format", format),
        };
        return "?" + string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
    }

    private static Func<RankingRow, IComparable?> Key(string sort) => sort switch
    {
        "name" => r => r.Metrics.TenantName,
        "category" => r => r.Metrics.Category,
        "floor" => r => r.Metrics.Floor,
        "density" => r => r.Metrics.SalesDensity,
        "ratio" => r => r.Score.Frame.DensityRatio,
        "yoy" => r => r.Metrics.Yoy,
        "ocr" => r => r.Metrics.OcrTtm,
        "arrears" => r => r.Metrics.Arrears,
        "flags" => r => r.Flags.Count,
        "lease_end" => r => r.Metrics.LeaseEnd,
        "score" => r => r.Score.Total,
        var pillar => r => r.Score.Pillars.FirstOrDefault(p => p.Name == pillar)?.Score,
    };

    private static string? Text(Microsoft.Extensions.Primitives.StringValues v) =>
        v.ToString().Trim() is { Length: > 0 and <= 100 } s ? s : null;

    private static double? Number(Microsoft.Extensions.Primitives.StringValues v) =>
        double.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
}
