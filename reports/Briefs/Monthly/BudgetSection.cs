using Analytics.Model.Flags;
using Analytics.Model.Metrics;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Monthly;

/// <summary>Sales and occupancy cost against budget, month and year to date.</summary>
internal sealed class BudgetSection(MonthlyBrief brief) : MonthlySection(brief)
{
    public override string Title => Label("monthly_budget");

    public override void Compose(ContentBuilder content)
    {
        if (Data.Budget is not { HasBudget: true } budget)
        {
            content.Paragraph(Language.Label("budget_none"), Typography.Note);
            return;
        }

        content.Table(t =>
        {
            t.Column(TableColumn.Text("", 1.8f))
                .Column(TableColumn.Number(Language.Label("budget_actual"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_target"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_vs"), 1f));
            void Line(string label, decimal actual, decimal target, double? vs) => t.Row(new TableCell(Language.Label(label)), new TableCell(BigMoney(actual)),
                new TableCell(BigMoney(target)), new TableCell(Change(vs), vs < 0 ? KpiTone.Bad : KpiTone.Neutral));
            Line("budget_sales_month", budget.Month.NetSales, budget.Month.SalesBudget, budget.Month.SalesVsBudget);
            Line("budget_sales_ytd", budget.Ytd.NetSales, budget.Ytd.SalesBudget, budget.Ytd.SalesVsBudget);
            Line("budget_rent_month", budget.Month.OccupancyCost, budget.Month.RentBudget, budget.Month.RentVsBudget);
            Line("budget_rent_ytd", budget.Ytd.OccupancyCost, budget.Ytd.RentBudget, budget.Ytd.RentVsBudget);
        });
        content.Paragraph(Language.Label("budget_note"), Typography.Note);
        var furthest = budget.Tenants.Where(b => b.Ytd.SalesVsBudget < 0).OrderBy(b => b.Ytd.SalesVsBudget).ThenBy(b => b.TenantId, StringComparer.Ordinal)
            .Take(Settings.Movers).ToList();
        if (furthest.Count == 0)
            return;
        content.Heading2(Language.Label("budget_furthest"));
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("tenant"), 1.8f))
                .Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Number(Language.Label("budget_actual"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_target"), 1.2f))
                .Column(TableColumn.Number(Language.Label("budget_vs"), 1f));
            foreach (var b in furthest)
            {
                t.Row(new TableCell($"{b.TenantName} ({b.TenantId})"), new TableCell(Name(b.Category)), new TableCell(Money(b.Ytd.NetSales)),
                    new TableCell(Money(b.Ytd.SalesBudget)), new TableCell(Change(b.Ytd.SalesVsBudget), KpiTone.Bad));
            }
        });
    }
}
