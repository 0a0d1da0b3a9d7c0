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

    /// <summary>The monthly brief (<see cref="DocumentKind.Monthly"/>) or a merchant's sheet (<see cref="DocumentKind.Merchant"/>) of a month.</summary>
    /// <param name="mall">The mall ?mall= resolved to (null: the warehouse's one mall).</param>
    public Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Serve(
        HttpResponse response, DocumentKind kind, Month month, string? lang, string? tenantId, string? mall = null)
    {
        var own = OwnMall(mall);
        return Serve(response, month.ToString(), lang, language => store.PathFor(kind, month, language, tenantId, own), () => facts.HasSales(month),
            (_, language) => renderer.Render(kind, month, language, tenantId, own));
    }

    /// <summary>The weekly brief of a week (rendered on request only once the week is complete in the warehouse).</summary>
    /// <param name="mall">The mall ?mall= resolved to (null: the warehouse's one mall).</param>
    public Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Serve(HttpResponse response, IsoWeek week, string? lang, string? mall = null)
    {
        var own = OwnMall(mall);
        return Serve(response, week.ToString(), lang, language => store.PathFor(week, language, own),
            () => facts.LastSalesDay is { } last && week.Sunday <= last && facts.HasSales(Month.Of(week.Sunday)),
            (connection, language) => renderer.Render(connection, week, language, own));
    }

    /// <summary>One mall: its documents whether or not ?mall= named it (the same figures, the same files as ever).</summary>
    private string? OwnMall(string? mall) => facts.IsPortfolio ? mall : null;

    private async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> Serve(HttpResponse response, string when, string? lang,
        Func<string, string> pathFor, Func<bool> covered, Func<DuckDB.NET.Data.DuckDBConnection, string, byte[]> render)
    {
        var language = string.IsNullOrEmpty(lang) ? DefaultLanguage : lang;
        string path;
        try
        {
            path = pathFor(language);
        }
        catch (Exception ex) when (ex is ArgumentException or Analytics.Ingest.UserError)
        {
            return TypedResults.Problem(ex.Message.Split(" (Parameter")[0], statusCode: StatusCodes.Status400BadRequest);
        }

        if (!File.Exists(path))
        {
            // A document is rendered on request only for a month (or a complete week) the warehouse has sales for.
            if (!covered())
            {
                return TypedResults.Problem($"The warehouse holds no sales for {when}: there is no document for it.", statusCode: StatusCodes.Status404NotFound);
            }

            var flight = _inFlight.GetOrAdd(path, p => new Lazy<Task>(() => RenderOnce(p, connection => render(connection, language))));
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

    private async Task RenderOnce(string path, Func<DuckDB.NET.Data.DuckDBConnection, byte[]> render)
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
                    DocumentStore.WriteAtomically(path, render(connection));
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

    private sealed class RendersBusy : Exception;
}
