using System.Security.Claims;
using Analytics.Api.Auth;
using Analytics.Api.Documents;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Analytics.Model.Decisions;
using Analytics.Model.Metrics;

namespace Analytics.Api.Decisions;

/// <summary>
/// Records the leasing team's decisions on flags, for the API and the workspace alike: the flag must be one the month's
/// analysis raised on that tenant, only leasing and admin decide, the tenant's score of the month is kept as the
/// evidence a later month is compared with, and every decision is written to the audit log.
/// </summary>
internal sealed class DecisionService(
    WarehouseAccess warehouse, TenantFigures figures, WarehouseFacts facts, FiguresCache cache, DocumentStore documents, TimeProvider clock)
{
    /// <param name="Mall">The mall ?mall= resolved to (null: the warehouse's one mall, or the whole warehouse for the workspace).</param>
    public sealed record Request(string TenantId, string Flag, string? Period, string Action, DateOnly? Until, string? Note, string? Mall = null);

    public static bool MayDecide(ClaimsPrincipal user) => user.IsInRole(Role.Admin) || user.IsInRole(Role.Leasing);

    /// <summary>Stores the decision; throws <see cref="ArgumentException"/> with one sentence for a request that cannot stand.</summary>
    public FlagDecision Record(Request request, ClaimsPrincipal user, HttpContext? http)
    {
        if (!facts.TenantExists(request.TenantId))
        {
            throw new ArgumentException($"There is no tenant '{request.TenantId}'.");
        }

        if (facts.ResolvePeriod(request.Period) is not { } period)
        {
            throw new ArgumentException("Give the flag's month as period=YYYY-MM (a month with data).");
        }

        var analysis = figures.Analysis(period, request.Mall);
        var flag = analysis.Flags.FirstOrDefault(f => f.Score.Frame.Metrics.TenantId == request.TenantId && f.Code == request.Flag)
            ?? throw new ArgumentException($"Tenant {request.TenantId} has no '{request.Flag}' flag in {period}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "?";
        using var connection = warehouse.Connect();
        var decision = FlagDecisions.Add(connection, new FlagDecision(
            0, now, name, request.TenantId, request.Flag, period.First, request.Action.Trim().ToLowerInvariant(), request.Until,
            request.Note ?? "", flag.Score.Total));
        var resource = $"decision:{decision.Id}:{decision.TenantId}:{decision.Flag}:{decision.Action}";
        AuditLog.Write(connection, http is not null
            ? AuditLog.ForRequest(http, "decision", StatusCodes.Status201Created, now) with { Resource = resource }
            : new AuditEntry(now, name, user.FindFirstValue(ClaimTypes.Role), "decision", resource, 0, null));
        ForgetBriefs(period, request.Mall);
        return decision;
    }

    /// <summary>
    /// The monthly brief shows each flag's standing decision: its cached data is dropped, and a brief of the decision's
    /// month already written is removed, so the next request renders it with the decision (later months read it anyway).
    /// </summary>
    private void ForgetBriefs(Month period, string? mall)
    {
        cache.Forget(DocumentRenderer.ReportDataKind);
        foreach (var language in DocumentStore.Languages)
        {
            // The brief kept for the warehouse's one mall, and a portfolio mall's own (DocumentService keys it so).
            foreach (var path in new[] { documents.PathFor(DocumentKind.Monthly, period, language),
                         mall is not null && facts.IsPortfolio ? documents.PathFor(DocumentKind.Monthly, period, language, null, mall) : null })
            {
                if (path is not null && File.Exists(path))
                {
                    File.Delete(path);
                }
            }
        }
    }

    public IReadOnlyList<FlagDecision> List(string? tenantId)
    {
        using var connection = warehouse.Connect();
        return FlagDecisions.List(connection, tenantId);
    }
}
