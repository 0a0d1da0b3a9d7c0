namespace Analytics.Reports.Layout;

/// <summary>
/// A report. Subclasses keep <see cref="Compose"/> as short as a table of contents:
/// <code>
/// page.Header(ComposeHeader);
/// page.Content(ComposeContent);
/// page.Footer(ComposeFooter);
/// </code>
/// and build the content from small components. Render with <see cref="PdfRenderer"/>.
/// </summary>
internal abstract class ReportDocument
{
    public abstract DocumentMetadata Metadata { get; }

    public abstract void Compose(PageBuilder page);
}
