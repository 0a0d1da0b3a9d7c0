using Analytics.Model.Metrics;
using Analytics.Model.Scoring;
using Analytics.Reports.Data;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>
/// A section of the merchant sheet (see <see cref="BriefSection{TBrief}"/> for the contract). The sheet goes to the
/// merchant: a section shows the tenant's own figures and benchmarks only, never another tenant's name or figure.
/// </summary>
internal abstract class MerchantSection(MerchantSheet sheet) : BriefSection<MerchantSheet>(sheet)
{
    protected ReportData Data => Brief.Data;

    protected TenantScore Score => Brief.Score;

    protected TenantMetricsRow M => Score.Frame.Metrics;

    protected string MonthText => Language.Month(Data.Period.Year, Data.Period.Number);
}
