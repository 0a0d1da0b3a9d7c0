using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>Its complaints, patrol findings, open requests and credit grade.</summary>
internal sealed class CustomersSection(MerchantSheet brief) : MerchantSection(brief)
{
    public override string Title => Label("merchant_customers");

    public override void Compose(ContentBuilder content)
    {
        var complaints = Data.Complaints.New.Concat(Data.Complaints.StillOpen).Where(c => c.TenantId == M.TenantId).OrderBy(c => c.ReceivedAt).ToList();
        var findings = Data.Findings.Where(f => f.TenantId == M.TenantId).ToList();
        content.Paragraph(Label("merchant_customers_summary", M.Complaints, MonthText, Number(Score.Frame.ComplaintRate3m, 1), M.Violations));
        if (complaints.Count > 0)
        {
            content.Table(t =>
            {
                t.Column(TableColumn.Text(Label("received"), 1.2f)).Column(TableColumn.Text(Label("kind"), 1f))
                    .Column(TableColumn.Number(Label("severity"), 0.8f)).Column(TableColumn.Text(Label("merchant_status_on", Language.Date(Data.AsOf)), 1.4f));
                foreach (var c in complaints)
                {
                    var open = c.ResolvedAt is null || DateOnly.FromDateTime(c.ResolvedAt.Value) > Data.AsOf;
                    t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(c.ReceivedAt))), new TableCell(Name(c.Category)), new TableCell(Count(c.Severity)),
                        new TableCell(open ? Name("open") : Name("resolved"), open ? KpiTone.Bad : KpiTone.Neutral));
                }
            });
        }
        if (findings.Count > 0)
        {
            content.Table(t =>
            {
                t.Column(TableColumn.Text(Label("merchant_patrol_date"), 1.2f)).Column(TableColumn.Text(Label("finding"), 1.6f)).Column(TableColumn.Number(Label("minutes"), 0.8f));
                foreach (var f in findings)
                    t.Row(Language.Date(f.Date), Name(f.Type), f.Minutes is { } m ? Count(m) : "");
            });
        }
        ComposeRequests(content);
        ComposeCredit(content);
    }

    /// <summary>The tenant's own credit grade, and what would raise it: the points to the next grade and its largest deductions.</summary>
    private void ComposeCredit(ContentBuilder content)
    {
        if (!Data.Credit.TryGetValue(M.TenantId, out var credit))
            return;
        var rules = Data.Analysis.Settings.Credit;
        content.Heading2(Language.Label("merchant_credit"));
        content.Paragraph(Language.Label("merchant_credit_line", credit.Grade, Count(credit.Points), MonthText));
        if (rules.NextGradeFloor(credit.Grade) is not { } floor)
        {
            content.Paragraph(Language.Label("merchant_credit_top"), Typography.Note);
            return;
        }
        var next = rules.GradeOf(floor);
        content.Paragraph(Language.Label("merchant_credit_raise", Count(floor - credit.Points), next));
        content.Bullets(credit.Deductions.Take(3).Select(d => $"-{d.Points} {Name(d.Rule)} · {Language.Date(d.Date)}").ToArray());
    }

    /// <summary>The tenant's own requests still open with the operations desk on D.</summary>
    private void ComposeRequests(ContentBuilder content)
    {
        var open = Data.OpenRequests.Where(r => r.TenantId == M.TenantId).ToList();
        content.Heading2(Language.Label("merchant_requests"));
        if (open.Count == 0)
        {
            content.Paragraph(Language.Label("merchant_requests_none"), Typography.Note);
            return;
        }
        content.Table(t =>
        {
            t.Column(TableColumn.Text(Language.Label("requests_raised_on"), 1.2f)).Column(TableColumn.Text(Language.Label("category"), 1f))
                .Column(TableColumn.Text(Language.Label("status"), 1f)).Column(TableColumn.Number(Language.Label("requests_days_open"), 0.9f));
            foreach (var r in open)
            {
                t.Row(new TableCell(Language.Date(DateOnly.FromDateTime(r.RaisedAt))), new TableCell(Name(r.Category)), new TableCell(Name(r.Status)),
                    new TableCell(Count(r.AgeDays), r.Overdue ? KpiTone.Bad : KpiTone.Neutral));
            }
        });
    }
}
