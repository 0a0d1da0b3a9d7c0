using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Weekly;

/// <summary>The week's sales by floor and category against the week before and the same week last year, and the top and bottom movers.</summary>
internal sealed class SalesSection(WeeklyBrief brief) : WeeklySection(brief)
{
    public override string Title => Label("weekly_sales");

    public override void Compose(ContentBuilder content)
    {
        content.Heading2(Label("weekly_by_floor"));
        GroupTable(content, s => s.Floor, Language.Label("floor"), names: false, order: g => FloorOrder.Of(g));
        content.Heading2(Label("weekly_by_category"));
        GroupTable(content, s => s.Category, Language.Label("category"), names: true, order: null);
        var movers = Movers();
        content.Heading2(Label("weekly_top_movers"));
        MoverTable(content, movers.Take(Settings.Movers).ToList());
        content.Heading2(Label("weekly_bottom_movers"));
        MoverTable(content, movers.AsEnumerable().Reverse().Take(Settings.Movers).ToList());
    }

    private void GroupTable(ContentBuilder content, Func<SpanSales, string> key, string header, bool names, Func<string, (int, string)>? order)
    {
        var now = Data.Sales.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(s => s.NetSales));
        var prev = Data.PreviousSales.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(s => s.NetSales));
        var ly = Data.LastYearSales.GroupBy(key).ToDictionary(g => g.Key, g => g.Sum(s => s.NetSales));
        var keys = now.Keys.Union(prev.Keys).Union(ly.Keys).ToList();
        keys = order is null
            ? keys.OrderByDescending(k => now.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal).ToList()
            : keys.OrderBy(order).ToList();
        content.Table(t =>
        {
            t.Column(TableColumn.Text(header, 1.2f)).Column(TableColumn.Number(Label("weekly_this_week"), 1.3f))
                .Column(TableColumn.Number(Label("weekly_last_week"), 1.3f)).Column(TableColumn.Number(Label("weekly_change"), 0.9f))
                .Column(TableColumn.Number(Label("weekly_same_week_last_year"), 1.3f)).Column(TableColumn.Number(Label("yoy"), 0.9f));
            foreach (var k in keys)
            {
                var n = now.GetValueOrDefault(k);
                var wow = Growth(n, prev.GetValueOrDefault(k));
                var yoy = Growth(n, ly.GetValueOrDefault(k));
                t.Row(new TableCell(names ? Name(k) : k), new TableCell(Money(n)), new TableCell(Money(prev.GetValueOrDefault(k))), new TableCell(Change(wow), Tone(wow, true)),
                    new TableCell(Money(ly.GetValueOrDefault(k))), new TableCell(Change(yoy), Tone(yoy, true)));
            }
            var total = Brief.WeekSales;
            var totalWow = Growth(total, Brief.PreviousWeekSales);
            var totalYoy = Growth(total, Brief.LastYearWeekSales);
            t.Row(new TableCell(Label("weekly_total")), new TableCell(Money(total)), new TableCell(Money(Brief.PreviousWeekSales)), new TableCell(Change(totalWow), Tone(totalWow, true)),
                new TableCell(Money(Brief.LastYearWeekSales)), new TableCell(Change(totalYoy), Tone(totalYoy, true)));
        });
    }

    internal sealed record Mover(SpanSales Now, decimal Previous, double Change);

    /// <summary>Tenants trading both weeks above the minimum, by change on last week, largest rise first.</summary>
    internal List<Mover> Movers()
    {
        var prev = Data.PreviousSales.ToDictionary(s => s.TenantId, s => s.NetSales, StringComparer.Ordinal);
        return Data.Sales
            .Where(s => s.NetSales >= Settings.MoverMinWeekSales && prev.GetValueOrDefault(s.TenantId) >= Settings.MoverMinWeekSales)
            .Select(s => new Mover(s, prev[s.TenantId], (double)(s.NetSales / prev[s.TenantId]) - 1))
            .OrderByDescending(m => m.Change).ThenBy(m => m.Now.TenantId, StringComparer.Ordinal).ToList();
    }

    private void MoverTable(ContentBuilder content, IReadOnlyList<Mover> movers)
    {
        if (movers.Count == 0)
        {
            None(content, "none");
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 2f)).Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("floor"), 0.6f)).Column(TableColumn.Number(Label("weekly_this_week"), 1.2f))
                .Column(TableColumn.Number(Label("weekly_last_week"), 1.2f)).Column(TableColumn.Number(Label("weekly_change"), 0.9f));
            foreach (var m in movers)
            {
                t.Row(new TableCell($"{m.Now.TenantName} ({m.Now.TenantId})"), new TableCell(Name(m.Now.Category)), new TableCell(m.Now.Floor),
                    new TableCell(Money(m.Now.NetSales)), new TableCell(Money(m.Previous)), new TableCell(Change(m.Change), Tone(m.Change, true)));
            }
        });
    }
}
