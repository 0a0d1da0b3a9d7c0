using System.Globalization;
using Analytics.Model.Credit;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.SampleCsv;

namespace Analytics.Model.Tests.Credit;

/// <summary>The credit file on the committed sample against the default point rules applied to its CSV files.</summary>
[Collection(SampleCsvCollection.Name)]
public sealed class SampleCreditTests(SampleCsv sample)
{
    [Theory]
    [InlineData("2026-10")]
    [InlineData("2026-04")]
    public void Grade_Sample_PointsAndGradeOfEveryTenantMatchTheFiles(string month)
    {
        var p = Date(month + "-01");
        var d = LastDay(p);
        var from = p.AddMonths(-11);
        var points = new Dictionary<string, int>();
        void Deduct(string tenant, int n) => points[tenant] = points.GetValueOrDefault(tenant) + n;

        foreach (var r in sample.Rows("rent"))
        {
            var due = Date(r["应缴日期"]);
            if (due > d)
                continue;
            DateOnly? paidOn = r["缴费日期"].Length == 0 ? null : Date(r["缴费日期"]);
            var amountDue = Money(r["应收金额"]);
            var paid = r["实收金额"].Length == 0 ? 0m : Money(r["实收金额"]);
            var unpaid = paidOn <= d ? amountDue - paid : amountDue;
            var age = d.DayNumber - due.DayNumber;
            if (unpaid > 0 && age > 0)
                Deduct(r["商户编号"], age <= 30 ? 5 : age <= 60 ? 10 : age <= 90 ? 15 : 20);
            else if (unpaid <= 0 && due >= from && paidOn!.Value.DayNumber - due.DayNumber > 5)
                Deduct(r["商户编号"], 2);
        }

        foreach (var r in sample.Rows("inspections").Where(r => Date(r["日期"]) >= from && Date(r["日期"]) <= d))
            Deduct(r["商戶編號"], r["類型"] switch { "closed_without_notice" => 10, "late_open" or "early_close" => 2, _ => 3 });

        foreach (var r in sample.Rows("complaints").Where(r => r["tenant_id"].Length > 0 && r["severity"] is "3" or "serious"))
        {
            var day = DateOnly.FromDateTime(DateTime.Parse(r["received_at"], CultureInfo.InvariantCulture));
            if (day >= from && day <= d)
                Deduct(r["tenant_id"], 5);
        }

        var inForce = sample.Leases.Where(l => l.Start <= d && d <= l.LastDay).Select(l => l.TenantId).Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = inForce.Select(t => (Tenant: t, Points: Math.Max(0, 100 - points.GetValueOrDefault(t)))).ToList();
        string GradeOf(int n) => n >= 90 ? "A" : n >= 75 ? "B" : n >= 60 ? "C" : "D";

        var grades = CreditFile.Grade(sample.Warehouse.Connection, "main", Month.Of(p), new CreditSettings());

        grades.Select(g => (g.TenantId, g.Points, g.Grade)).Should().Equal(expected.Select(e => (e.Tenant, e.Points, GradeOf(e.Points))));
        grades.Should().Contain(g => g.Grade == "C" || g.Grade == "D", because: "the sample's planted stories drop some tenants to C or D");
    }
}
