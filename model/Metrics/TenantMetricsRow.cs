using System.Data.Common;
using Analytics.Model.Budget;

namespace Analytics.Model.Metrics;

/// <summary>One tenant's metrics for one month (names and meaning as in metrics.md; null where a metric is undefined).</summary>
public sealed record TenantMetricsRow
{
    public required string MallId { get; init; }
    public required string TenantId { get; init; }
    public required string TenantName { get; init; }
    public required string Category { get; init; }
    public string? Floor { get; init; }
    public string? Zone { get; init; }
    public required string UnitId { get; init; }
    public DateOnly Period { get; init; }
    public decimal NetSales { get; init; }
    public long? Transactions { get; init; }
    public double? AvgTicket { get; init; }
    public decimal? AreaSqm { get; init; }
    public double? SalesDensity { get; init; }
    public double? SalesDensityTtm { get; init; }
    public double? Yoy { get; init; }
    public decimal? OccupancyCost { get; init; }
    public double? Ocr { get; init; }
    public double? OcrTtm { get; init; }
    public decimal Arrears { get; init; }
    public long ArrearsDays { get; init; }
    public decimal Aging1To30 { get; init; }
    public decimal Aging31To60 { get; init; }
    public decimal Aging61To90 { get; init; }
    public decimal AgingOver90 { get; init; }
    public double? LateShare12m { get; init; }
    public long Complaints { get; init; }
    public long ComplaintsWeighted { get; init; }
    public double? ComplaintRate { get; init; }
    public long Violations { get; init; }
    public long MonthsOpen { get; init; }
    public long MonthsToExpiry { get; init; }
    public DateOnly LeaseEnd { get; init; }
    public decimal BaseRent { get; init; }
    public decimal? SalesBudget { get; init; }
    public decimal? RentBudget { get; init; }
    public long RequestsOpen { get; init; }
    public long RequestsOverdue { get; init; }

    /// <summary>net_sales / sales_budget − 1; null without a sales budget for the month.</summary>
    public double? SalesVsBudget => BudgetFigures.Versus(NetSales, SalesBudget);

    /// <summary>occupancy_cost / rent_budget − 1; null without a rent budget for the month (or without any charge billed).</summary>
    public double? RentVsBudget => OccupancyCost is { } cost ? BudgetFigures.Versus(cost, RentBudget) : null;

    /// <summary>Column names of the export, in order (the names metrics.md uses).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "mall_id", "tenant_id", "tenant_name", "category", "floor", "unit_id",
        "net_sales", "transactions", "avg_ticket", "area_sqm", "sales_density", "sales_density_ttm", "yoy",
        "occupancy_cost", "ocr", "ocr_ttm", "arrears", "arrears_days",
        "aging_1_30", "aging_31_60", "aging_61_90", "aging_over_90", "late_share_12m",
        "complaints", "complaints_weighted", "complaint_rate", "violations", "months_open", "months_to_expiry",
        "sales_budget", "sales_vs_budget", "rent_budget", "rent_vs_budget", "requests_open", "requests_overdue",
    ];

    public object?[] Values() =>
    [
        MallId, TenantId, TenantName, Category, Floor, UnitId,
        NetSales, Transactions, AvgTicket, AreaSqm, SalesDensity, SalesDensityTtm, Yoy,
        OccupancyCost, Ocr, OcrTtm, Arrears, ArrearsDays,
        Aging1To30, Aging31To60, Aging61To90, AgingOver90, LateShare12m,
        Complaints, ComplaintsWeighted, ComplaintRate, Violations, MonthsOpen, MonthsToExpiry,
        SalesBudget, SalesVsBudget, RentBudget, RentVsBudget, RequestsOpen, RequestsOverdue,
    ];

    internal static TenantMetricsRow Read(DbDataReader r) => new()
    {
        MallId = r.Text("mall_id"),
        TenantId = r.Text("tenant_id"),
        TenantName = r.Text("tenant_name"),
        Category = r.Text("category"),
        Floor = r.TextOrNull("floor"),
        Zone = r.TextOrNull("zone"),
        UnitId = r.Text("unit_id"),
        Period = r.Date("period"),
        NetSales = r.Money("net_sales"),
        Transactions = r.CountOrNull("transactions"),
        AvgTicket = r.Real("avg_ticket"),
        AreaSqm = r.MoneyOrNull("area_sqm"),
        SalesDensity = r.Real("sales_density"),
        SalesDensityTtm = r.Real("sales_density_ttm"),
        Yoy = r.Real("yoy"),
        OccupancyCost = r.MoneyOrNull("occupancy_cost"),
        Ocr = r.Real("ocr"),
        OcrTtm = r.Real("ocr_ttm"),
        Arrears = r.Money("arrears"),
        ArrearsDays = r.Count("arrears_days"),
        Aging1To30 = r.Money("aging_1_30"),
        Aging31To60 = r.Money("aging_31_60"),
        Aging61To90 = r.Money("aging_61_90"),
        AgingOver90 = r.Money("aging_over_90"),
        LateShare12m = r.Real("late_share_12m"),
        Complaints = r.Count("complaints"),
        ComplaintsWeighted = r.Count("complaints_weighted"),
        ComplaintRate = r.Real("complaint_rate"),
        Violations = r.Count("violations"),
        MonthsOpen = r.Count("months_open"),
        MonthsToExpiry = r.Count("months_to_expiry"),
        LeaseEnd = r.Date("lease_end"),
        BaseRent = r.Money("base_rent"),
        SalesBudget = r.MoneyOrNull("sales_budget"),
        RentBudget = r.MoneyOrNull("rent_budget"),
        RequestsOpen = r.Count("requests_open"),
        RequestsOverdue = r.Count("requests_overdue"),
    };
}
