using System.Collections.Concurrent;
using Analytics.Api.Endpoints;
using Analytics.Api.Figures;
using Analytics.Api.Server;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Documents;

/// <summary>
/// Finds (or renders and stores) a document for a request; <see cref="Auth.DownloadAudit"/> logs the download.
/// A render is single-flight per document: concurrent requests for the same missing PDF wait for one render and
/// are all served its file. Different documents render at most <see cref="RenderLimits.MaxConcurrent"/> at once;
/// up to <see cref="RenderLimits.MaxQueued"/> more wait, and beyond that a request is answered 503 with Retry-After
/// rather than piling renders (each a few hundred MB) onto the server.
/// </summary>
internal sealed class DocumentService(
    DocumentStore store, DocumentRenderer renderer, WarehouseAccess warehouse, WarehouseFacts facts, ServerOptions options)
{
    public const string DefaultLanguage = "zh";

    private readonly ConcurrentDictionary<string, Lazy<Task>> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Renders.MaxConcurrent));
    private int _pending;
    private long _renders;

    /// <summary>Renders done since start (each missing document once, however many asked for it at the same time).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    /// <summary>
    /// Awaited by a render once it holds its slot. Tests set it to hold the slots and fill the queue on purpose:
    /// renders read the stored analysis and take milliseconds, so requests sent together no longer overlap reliably.
    /// </summary>
    internal Task? SlotHeld { get; set; }

    /// <param name="mall">The mall ?mall= resolved to (null: the warehouse's one mall).</param>
    public async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Serve(
        HttpResponse response, DocumentKind kind, string when, string? lang, string? tenantId, string? mall = null)
    {
        var language = string.IsNullOrEmpty(lang) ? DefaultLanguage : lang;
        // One mall: its documents whether or not ?mall= named it (the same figures, the same files as ever).
        mall = facts.IsPortfolio ? mall : null;
        string path;
        try
        {
            path = store.PathFor(kind, when, language, tenantId, mall);
        }
        catch (Exception ex) when (ex is ArgumentException or Analytics.Ingest.UserError)
        {
            return TypedResults.Problem(ex.Message.Split(" (Parameter")[0], statusCode: StatusCodes.Status400BadRequest);
        }

        if (!File.Exists(path))
        {
            if (!Covered(kind, when))
            {
                return TypedResults.Problem($"The warehouse holds no sales for {when}: there is no document for it.", statusCode: StatusCodes.Status404NotFound);
            }

            var flight = _inFlight.GetOrAdd(path, p => new Lazy<Task>(() => RenderOnce(p, kind, when, language, tenantId, mall)));
            try
            {
                await flight.Value;
            }
            catch (Analytics.Ingest.UserError ex)
            {
                // No data for that month or week, a tenant without a lease then, or the report fonts not installed.
                return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
            catch (RendersBusy)
            {
                response.Headers.RetryAfter = options.Renders.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem("Too many documents are being rendered right now; try again shortly.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            finally
            {
                // The next request finds the file (or, after a failure, tries again).
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task>>(path, flight));
            }
        }

        return TypedResults.PhysicalFile(path, "application/pdf", Path.GetFileName(path));
    }

    private async Task RenderOnce(string path, DocumentKind kind, string when, string language, string? tenantId, string? mall)
    {
        if (Interlocked.Increment(ref _pending) > options.Renders.MaxConcurrent + options.Renders.MaxQueued)
        {
            Interlocked.Decrement(ref _pending);
            throw new RendersBusy();
        }

        try
        {
            await _slots.WaitAsync();
            try
            {
                if (SlotHeld is { } held)
                {
                    await held;
                }

                await Task.Run(() =>
                {
                    using var connection = warehouse.Connect();
                    DocumentStore.WriteAtomically(path, renderer.Render(connection, kind, when, language, tenantId, mall));
                });
                Interlocked.Increment(ref _renders);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>A document is rendered on request only for a month (or a complete week) the warehouse has sales for.</summary>
    private bool Covered(DocumentKind kind, string when)
    {
        if (kind != DocumentKind.Weekly)
        {
            return Analytics.Model.Metrics.Month.TryParse(when, out var first) && facts.HasSales(first);
        }

        var sunday = Analytics.Reports.Data.IsoWeek.Parse(when).Sunday;
        return facts.LastSalesDay is { } last && sunday <= last && facts.HasSales(Analytics.Model.Metrics.Month.First(sunday));
    }

    private sealed class RendersBusy : Exception;
}
