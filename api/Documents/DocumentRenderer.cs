using DuckDB.NET.Data;

namespace Analytics.Api.Documents;

/// <summary>
/// The bridge to the report service (reports/): renders one document to PDF bytes. Used by the scheduled jobs and by
/// the API when a document asked for has not been written yet. Until the report service offers the documents,
/// <see cref="IsAvailable"/> is false and nothing is rendered.
/// </summary>
internal sealed class DocumentRenderer(TimeProvider clock)
{
    public TimeProvider Clock { get; } = clock;

    public bool IsAvailable => false;

    public byte[] Render(DuckDBConnection connection, DocumentKind kind, string when, string language, string? tenantId = null) =>
        throw new Endpoints.FeatureUnavailableException($"The {kind.ToString().ToLowerInvariant()} document is not available in this build yet.");
}
