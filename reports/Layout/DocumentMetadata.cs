namespace Analytics.Reports.Layout;

/// <summary>
/// What a PDF says about itself (document properties). The creation and modification dates are not here:
/// they come from the clock given to the renderer, so the same content at the same time gives the same bytes.
/// </summary>
internal sealed record DocumentMetadata(string Title, string Author, string Subject, string Keywords = "")
{
    public const string Creator = "Tenant Analytics";
}
