using Analytics.Reports.Layout;

namespace Analytics.Reports.Tests.Support;

/// <summary>A reusable piece of content (a KPI strip, a ranking table) composed from blocks; the specimen's parts.</summary>
internal abstract class ReportComponent
{
    public abstract void Compose(ContentBuilder content);
}

internal static class ReportComponentExtensions
{
    public static ContentBuilder Component(this ContentBuilder content, ReportComponent component)
    {
        component.Compose(content);
        return content;
    }
}
