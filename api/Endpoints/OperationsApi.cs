using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Model.Audit;
using Analytics.Model.Budget;
using Analytics.Model.Contest;
using Analytics.Model.Credit;
using Analytics.Model.Malls;
using Analytics.Model.Metrics;
using Analytics.Model.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>
/// The operations department's figures: the turnover-rent audit (leasing, admin), the budget (staff), merchants'
/// requests (staff for the mall; a merchant only its own, 404 for any other tenant like every tenant endpoint).
/// </summary>
internal static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/turnover-rent", Audit).WithTags("Operations").RequireAuthorization(Role.LeasingOrAdmin).OnBadPeriod(PeriodBinding.MallThenPeriod);
        app.MapGet("/api/budget", Budget).WithTags("Operations").RequireAuthorization(Role.Staff).OnBadPeriod(PeriodBinding.MallThenPeriod);
        app.MapGet("/api/requests", Requests).WithTags("Operations").RequireAuthorization(Role.Staff).OnBadPeriod(PeriodBinding.MallThenPeriod);
        app.MapGet("/api/tenants/{id}/requests", TenantRequests).WithTags("Operations").RequireAuthorization(Role.StaffOrMerchant).OnBadPeriod(PeriodBinding.TenantThenMallThenPeriod);
        app.MapGet("/api/credit", Credit).WithTags("Operations").RequireAuthorization(Role.Staff).OnBadPeriod(PeriodBinding.MallThenPeriod);
        app.MapGet("/api/tenants/{id}/credit", TenantCredit).WithTags("Operations").RequireAuthorization(Role.StaffOrMerchant).OnBadPeriod(PeriodBinding.TenantThenMallThenPeriod);
        app.MapGet("/api/malls", Malls).WithTags("Operations").RequireAuthorization(Role.Staff);
        app.MapGet("/api/contest", Contest).WithTags("Operations").RequireAuthorization(Role.Staff).OnBadPeriod(PeriodBinding.MallThenPeriod); // the GM reads the same winners in the monthly brief
        app.MapGet("/api/tenants/{id}/contest", TenantContest).WithTags("Operations").RequireAuthorization(Role.StaffOrMerchant).OnBadPeriod(PeriodBinding.TenantThenMallThenPeriod);
        return app;
    }

    /// <summary>Findings of the 12 months ending with the period.</summary>
    private static Results<Ok<IReadOnlyList<TurnoverFinding>>, ProblemHttpResult> Audit(Month? period, string? mall, WarehouseFacts facts, WarehouseAccess warehouse)
    {
        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        using var connection = warehouse.Connect();
        return TypedResults.Ok(TurnoverAudit.Run(connection, m, p));
    }

    /// <summary>Each mall's month and year to date against budget, with its tenants.</summary>
    private static Results<Ok<List<MallBudget>>, ProblemHttpResult> Budget(Month? period, string? mall, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures)
    {
        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        using var connection = warehouse.Connect();
        var series = TenantMetrics.Series(connection, m, new Month(p.Year, 1), p, figures.Settings.Requests);
        return TypedResults.Ok(series.Select(r => r.MallId).Distinct().Order(StringComparer.Ordinal)
            .Select(m => BudgetFigures.From(series, m, p)).ToList());
    }

    /// <summary>Requests open on the period's last day, oldest first.</summary>
    private static Results<Ok<IReadOnlyList<RequestRow>>, ProblemHttpResult> Requests(Month? period, string? mall, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures)
    {
        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        using var connection = warehouse.Connect();
        return TypedResults.Ok(RequestList.Open(connection, m, p.Last, figures.Settings.Requests));
    }

    /// <summary>One tenant's requests open on the period's last day; access and existence are checked first (404 for both).</summary>
    private static Results<Ok<IReadOnlyList<RequestRow>>, NotFound, ProblemHttpResult> TenantRequests(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures) =>
        ForTenant(id, period, mall, user, facts, (p, m) =>
        {
            using var connection = warehouse.Connect();
            return RequestList.Open(connection, m, p.Last, figures.Settings.Requests, id);
        });

    /// <summary>Access and existence first (404 for both, so a merchant key cannot probe ids), the period after.</summary>
    private static Results<Ok<T>, NotFound, ProblemHttpResult> ForTenant<T>(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, Func<Month, string?, T> figures)
    {
        if (TenantAccess.Hides(user, id, facts))
        {
            return TypedResults.NotFound();
        }

        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        return facts.ResolvePeriod(period) is { } p ? TypedResults.Ok(figures(p, m)) : PeriodBinding.NoPeriod();
    }

    /// <summary>A stored month of the credit file.</summary>
    internal sealed record CreditHistoryRow(DateOnly Period, string Grade, int Points, string Deductions);

    /// <summary>A tenant's grade for the period (with its deductions) and every month the credit file has stored.</summary>
    internal sealed record TenantCreditView(CreditGrade? Grade, IReadOnlyList<CreditHistoryRow> History);

    private static Results<Ok<IReadOnlyList<CreditGrade>>, ProblemHttpResult> Credit(Month? period, string? mall, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures)
    {
        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        using var connection = warehouse.Connect();
        return TypedResults.Ok(CreditFile.Grade(connection, m, p, figures.Settings.Credit));
    }

    private static Results<Ok<TenantCreditView>, NotFound, ProblemHttpResult> TenantCredit(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures) =>
        ForTenant(id, period, mall, user, facts, (p, m) => CreditOf(id, p, m, warehouse, figures));

    private static TenantCreditView CreditOf(string id, Month p, string? mall, WarehouseAccess warehouse, TenantFigures figures)
    {
        using var connection = warehouse.Connect();
        var grade = CreditFile.Grade(connection, mall, p, figures.Settings.Credit).FirstOrDefault(g => g.TenantId == id);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT period, grade, points, deductions FROM credit_history WHERE tenant_id = $tenant ORDER BY period";
        cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("tenant", id));
        using var r = cmd.ExecuteReader();
        var history = new List<CreditHistoryRow>();
        while (r.Read())
        {
            history.Add(new CreditHistoryRow(r.Date("period"), r.Text("grade"), r.GetInt32(2), r.Text("deductions")));
        }

        return new TenantCreditView(grade, history);
    }

    /// <summary>The month's sales contest: every category's winners and the mall's (with benchmarks and leads).</summary>
    private static Results<Ok<IReadOnlyList<ContestWinner>>, ProblemHttpResult> Contest(Month? period, string? mall, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures)
    {
        if (facts.MallProblem(mall, out var m) is { } problem)
        {
            return problem;
        }

        if (facts.ResolvePeriod(period) is not { } p)
        {
            return PeriodBinding.NoPeriod();
        }

        using var connection = warehouse.Connect();
        return TypedResults.Ok(SalesContest.Query(connection, m, p, figures.Settings.Contest).Winners);
    }

    /// <summary>A win as its own tenant may see it: the award and its own figure, no benchmark or lead (both come from other contestants).</summary>
    internal sealed record OwnContestWin(DateOnly Period, string Scope, string Award, string Category, double Value);

    private static Results<Ok<IReadOnlyList<OwnContestWin>>, NotFound, ProblemHttpResult> TenantContest(
        string id, Month? period, string? mall, ClaimsPrincipal user, WarehouseFacts facts, WarehouseAccess warehouse, TenantFigures figures) =>
        ForTenant(id, period, mall, user, facts, (p, m) =>
        {
            using var connection = warehouse.Connect();
            return (IReadOnlyList<OwnContestWin>)SalesContest.Query(connection, m, p, figures.Settings.Contest).Winners
                .Where(w => w.TenantId == id).Select(w => new OwnContestWin(w.Period, w.Scope, w.Award, w.Category, w.Value)).ToList();
        });

    /// <summary>The malls dataset: each mall's name (Chinese and English), city, time zone and currency.</summary>
    private static Ok<IReadOnlyList<MallInfo>> Malls(WarehouseAccess warehouse)
    {
        using var connection = warehouse.Connect();
        return TypedResults.Ok(MallDirectory.All(connection));
    }
}
