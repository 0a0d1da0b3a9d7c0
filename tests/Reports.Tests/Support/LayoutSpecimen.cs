using Analytics.Reports.Briefs;
using Analytics.Reports.Language;
using Analytics.Reports.Layout;
using ScottPlot;

namespace Analytics.Reports.Tests.Support;

/// <summary>
/// A document that uses every layout component, in English or Chinese, with made-up figures from a fixed seed.
/// It is the layout layer's test subject and visual reference (tests/Reports.Tests/Visual) and a model for the
/// real briefs: Compose reads like the table of contents, each part is a small method or component.
/// </summary>
/// <param name="notes">Whether to end with the notes section (without it and with a few rows, the specimen is a
/// one-page sheet, the size that the benchmark budgets).</param>
internal sealed class LayoutSpecimen(ReportLanguage language, int tenantRows = 40, bool notes = true) : ReportDocument
{
    private static readonly string[] ChineseTenants =
    [
        "星巴克咖啡", "优衣库", "海底捞火锅", "万达影城", "屈臣氏", "周大福珠宝", "喜茶", "名创优品",
        "小米之家", "李宁", "西西弗书店", "乐高玩具", "永辉超市", "太平鸟", "肯德基", "戶外用品月月店",
    ];

    private static readonly string[] EnglishTenants =
    [
        "Starbucks Coffee", "Uniqlo", "Haidilao Hot Pot", "Wanda Cinema", "Watsons", "Chow Tai Fook Jewellery",
        "Heytea", "Miniso", "Xiaomi Home", "Li-Ning", "Sisyphe Books", "LEGO Store", "Yonghui Supermarket",
        "Peacebird", "KFC", "Outdoor Outfitters of the Northern Hemisphere",
    ];

    private static readonly (string En, string Zh)[] Categories =
    [
        ("f&b", "餐饮"), ("fashion", "服装"), ("entertainment", "娱乐"), ("beauty", "美妆"), ("jewelry", "珠宝"),
        ("kids", "儿童"), ("supermarket", "超市"), ("electronics", "数码"),
    ];

    public ReportLanguage Language { get; } = language;

    public override DocumentMetadata Metadata => new(
        Title: Language.IsChinese ? "版式样张 — 租户分析" : "Layout specimen — Tenant Analytics",
        Author: Language.IsChinese ? "运营分析组" : "Operations analytics",
        Subject: Language.IsChinese ? "报表版式组件示例" : "Every component of the report layout",
        Keywords: "specimen, layout");

    public override void Compose(PageBuilder page)
    {
        page.Header(ComposeHeader);
        page.Content(ComposeContent);
        page.Footer(ComposeFooter);
    }

    private void ComposeHeader(BandBuilder header, PageNumber page) => header
        .LeftText(Metadata.Title)
        .RightText(Language.Month(2026, 10));

    private void ComposeFooter(BandBuilder footer, PageNumber page) => footer
        .LeftText(Language.Label("confidential"), Typography.Band)
        .RightText(Language.PageOf(page.Number, page.Total));

    private void ComposeContent(ContentBuilder content)
    {
        content.Paragraph(Metadata.Title, Typography.Title);
        content.Component(new KeyFigures(Language));
        content.Heading1(Language.IsChinese ? "一、经营概况" : "1. Trading summary");
        content.Paragraph(Summary());
        content.Heading2(Language.IsChinese ? "月度销售趋势" : "Monthly sales trend");
        content.Chart(SalesChart(), height: 210);
        content.Charts(150, CategoryChart(), OcrChart());
        content.Heading1(Language.IsChinese ? "二、商户明细" : "2. Tenants");
        content.Paragraph(Language.IsChinese
            ? "下表列出全部在营商户，按销售额排序；表格跨页时表头重复，行不拆分。"
            : "All trading tenants, by net sales. When the table runs over a page its header row is repeated and no row is cut.",
            Typography.Note);
        content.Component(new TenantTable(Language, tenantRows));
        if (notes)
            ComposeNotes(content);
    }

    private void ComposeNotes(ContentBuilder content)
    {
        content.Heading1(Language.IsChinese ? "三、说明" : "3. Notes");
        content.Heading2(Language.IsChinese ? "口径" : "Definitions");
        content.Paragraph(Language.IsChinese
            ? "销售额为扣除退货后的净额（元）；坪效为月销售额除以租赁面积（㎡）；租售比为保底租金、提成租金与物业费之和占销售额的比例。"
            : "Net sales are after refunds; sales per m² divide a month's net sales by the leased area; the occupancy cost ratio is base rent, turnover rent and service charge over net sales.");
        content.Heading2(Language.IsChinese ? "标记规则" : "Flags");
        content.Bullets(Language.IsChinese
            ?
            [
                "租售比连续三个月超过25%：建议评估租金调整。",
                "欠费超过60天：发催缴函，并在下月例会上复核（含物业费、水电费等全部应收项目）。",
                "坪效低于同业态中位数的一半且持续两个季度：列入调整候选名单。",
            ]
            :
            [
                "Occupancy cost ratio above 25% for three months in a row: review the rent.",
                "Arrears older than 60 days: send a reminder and review at next month's meeting (all charges, service and utilities included).",
                "Sales per m² under half the category median for two quarters: candidate for replacement.",
            ]);
    }

    private string Summary() => Language.IsChinese
        ? "十月全场销售额同比增长4.5%，餐饮与娱乐业态贡献了主要增量（“国庆黄金周”客流创新高）。服装业态仍在调整期，三家商户租售比超过25%，建议列入重点关注名单；另有两家商户欠费超过60天，已发催缴函。"
        : "Mall sales grew 4.5% on last October, mostly from food & beverage and entertainment (the Golden Week holiday brought record footfall). Fashion is still adjusting: three tenants pay more than 25% of their sales in occupancy cost and should be watched; two tenants are more than 60 days in arrears and have received reminders.";

    private Plot SalesChart()
    {
        var plot = new Plot();
        double[] months = [.. Enumerable.Range(1, 10).Select(m => (double)m)];
        double[] thisYear = [812, 760, 845, 880, 910, 955, 1010, 990, 940, 1060];
        double[] lastYear = [790, 705, 800, 830, 870, 900, 950, 960, 905, 1015];
        var current = plot.Add.Scatter(months, thisYear);
        current.LegendText = Language.Label("this_year");
        var previous = plot.Add.Scatter(months, lastYear);
        previous.LegendText = Language.Label("last_year");
        plot.Title(Language.IsChinese ? "全场月销售额（万元）" : "Mall net sales by month (¥10k)");
        plot.XLabel(Language.Label("month"));
        plot.YLabel(Language.IsChinese ? "销售额（万元）" : "Net sales (¥10k)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private Plot CategoryChart()
    {
        var plot = new Plot();
        double[] shares = [31, 24, 17, 12, 9, 7];
        var bars = plot.Add.Bars(shares);
        bars.Color = ScottPlot.Color.FromHex("#1F4E79");
        string[] names = Language.IsChinese
            ? ["餐饮", "服装", "娱乐", "美妆", "儿童", "其他"]
            : ["F&B", "Fashion", "Leisure", "Beauty", "Kids", "Other"];
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Length).Select(i => (double)i)], names);
        plot.Axes.Margins(bottom: 0);
        plot.Title(Language.IsChinese ? "各业态销售占比（%）" : "Share of sales by category (%)");
        return plot;
    }

    private Plot OcrChart()
    {
        var plot = new Plot();
        double[] months = [.. Enumerable.Range(1, 10).Select(m => (double)m)];
        var tenant = plot.Add.Scatter(months, [22.1, 23.4, 24.8, 25.9, 26.3, 25.1, 26.8, 27.2, 26.4, 26.9]);
        tenant.LegendText = Language.IsChinese ? "戶外用品月月店" : "Outdoor Outfitters";
        var median = plot.Add.Scatter(months, [18.0, 18.2, 18.1, 18.5, 18.4, 18.6, 18.3, 18.8, 18.7, 18.9]);
        median.LegendText = Language.IsChinese ? "业态中位数" : "Category median";
        plot.Title(Language.Label("ocr") + " (%)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The KPI strip: four key figures with their change on last year.</summary>
    private sealed class KeyFigures(ReportLanguage language) : ReportComponent
    {
        public override void Compose(ContentBuilder content) => content.Kpis(
            Tile("net_sales", language.Money(10_604_250m), 0.045, higherIsBetter: true),
            Tile("footfall", language.Number(1_284_310m), 0.081, higherIsBetter: true),
            Tile("occupancy_rate", language.Percent(0.962), -0.004, higherIsBetter: true),
            Tile("arrears", language.Money(386_900m), 0.121, higherIsBetter: false));

        private KpiTile Tile(string label, string value, double change, bool higherIsBetter) => new(
            language.Label(label), value,
            language.SignedPercent(change) + " " + language.Label("vs_last_year"),
            KpiTile.ToneOf(change, higherIsBetter));
    }

    /// <summary>The tenant table: text left, figures right-aligned, enough rows to run over pages.</summary>
    private sealed class TenantTable(ReportLanguage language, int rows) : ReportComponent
    {
        // Specimen only: the real threshold is configuration of the flag rules (model/).
        private const double OcrWatchLevel = 0.25;

        public override void Compose(ContentBuilder content) => content.Table(table =>
        {
            table.Column(TableColumn.Text("#", 0.4f))
                .Column(TableColumn.Text(language.Label("tenant"), 3))
                .Column(TableColumn.Text(language.Label("category"), 1.3f))
                .Column(TableColumn.Number(language.Label("area_sqm"), 1.2f))
                .Column(TableColumn.Number(language.Label("net_sales"), 1.6f))
                .Column(TableColumn.Number(language.Label("ocr"), 1.4f));
            var random = new Random(20261027);
            var names = language.IsChinese ? ChineseTenants : EnglishTenants;
            for (var i = 0; i < rows; i++)
            {
                var category = Categories[random.Next(Categories.Length)];
                var area = 40 + random.Next(0, 900);
                var sales = (decimal)(area * (800 + random.Next(0, 4000)));
                var ocr = 0.08 + random.NextDouble() * 0.2;
                table.Row(
                    new TableCell((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new TableCell(names[i % names.Length] + (i < names.Length ? "" : " " + (i / names.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),
                    new TableCell(language.IsChinese ? category.Zh : category.En),
                    new TableCell(language.Number(area)),
                    new TableCell(language.Money(sales)),
                    new TableCell(language.Percent(ocr), ocr > OcrWatchLevel ? KpiTone.Bad : KpiTone.Neutral));
            }
        });
    }
}
