using Analytics.Model.Credit;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.Some;

namespace Analytics.Model.Tests.Credit;

// P = 2025-06, D = 2025-06-30; the window is 2024-07-01..2025-06-30.
public sealed class CreditFileTests : IDisposable
{
    private static readonly CreditSettings Rules = new();
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Grade_EachRule_DeductsItsPointsWithDateAndSource()
    {
        _w.Tenant("A").Tenant("B").Tenant("C", exit: Day(2025, 5, 31));
        _w.Rent("A", Month(2025, 1), 1000m, Day(2025, 1, 5), 1000m, Day(2025, 1, 20))          // paid 15 days late: -2
            .Rent("A", Month(2025, 2), 1000m, Day(2025, 2, 5), 1000m, Day(2025, 2, 9))           // within the grace days: 0
            .Rent("A", Month(2025, 4), 1000m, Day(2025, 4, 20), 400m, Day(2025, 4, 25))          // 71 days, part paid: -15
            .Rent("A", Month(2025, 6), 1000m, Day(2025, 6, 10))                                  // 20 days unpaid: -5
            .Rent("A", Month(2024, 1), 1000m, Day(2024, 1, 5), 1000m, Day(2024, 3, 1))           // late, but before the window: 0
            .Rent("A", Month(2023, 12), 1000m, Day(2023, 12, 5));                                // unpaid since 2023: -20
        _w.Inspection("A", Day(2025, 6, 3), "closed_without_notice").Inspection("A", Day(2025, 5, 3), "late_open")
            .Inspection("A", Day(2025, 3, 3), "hygiene").Inspection("A", Day(2024, 6, 30), "hygiene");   // the last is outside the window
        _w.Complaint("A", new DateTime(2025, 6, 12, 10, 0, 0), severity: 3).Complaint("A", new DateTime(2025, 6, 12, 11, 0, 0), severity: 2);

        var grades = CreditFile.Grade(_w.Connection, null, new Month(2025, 6), Rules);

        grades.Select(g => g.TenantId).Should().Equal("A", "B");
        var a = grades[0];
        a.Deductions.Select(d => (d.Rule, d.Points)).Should().BeEquivalentTo(new[]
        {
            ("unpaid", 20), ("unpaid", 15), ("closed_without_notice", 10), ("unpaid", 5), ("serious_complaint", 5),
            ("hygiene", 3), ("paid_late", 2), ("late_open", 2),
        });
        a.Points.Should().Be(100 - 62);
        a.Grade.Should().Be("D");
        a.Deductions.Should().Contain(d => d.Source == "rent 2025-04 base_rent, 71 days overdue" && d.Date == Day(2025, 4, 20));
        a.Deductions.Should().Contain(d => d.Rule == "paid_late" && d.Date == Day(2025, 1, 20));
        a.DeductionsText.Should().StartWith("-20 unpaid 2023-12-05 (rent 2023-12 base_rent, 573 days overdue)");
        (grades[1].Grade, grades[1].Points, grades[1].Deductions.Count).Should().Be(("A", 100, 0));
    }

    [Theory]
    [InlineData(90, "A")]
    [InlineData(89, "B")]
    [InlineData(75, "B")]
    [InlineData(74, "C")]
    [InlineData(60, "C")]
    [InlineData(59, "D")]
    public void GradeOf_Points_BandsFromSettings(int points, string grade) => Rules.GradeOf(points).Should().Be(grade);

    [Fact]
    public void Record_MonthGradedTwice_KeepsOneRowPerTenantAndMonth()
    {
        _w.Tenant("A").Inspection("A", Day(2025, 6, 3), "closed_without_notice");
        var grades = CreditFile.Grade(_w.Connection, null, new Month(2025, 6), Rules);

        CreditFile.Record(_w.Connection, grades, new DateTime(2025, 7, 1));
        CreditFile.Record(_w.Connection, grades, new DateTime(2025, 7, 2));

        using var cmd = _w.Connection.CreateCommand();
        cmd.CommandText = "SELECT count(*), min(grade), min(points), min(deductions) FROM credit_history";
        using var r = cmd.ExecuteReader();
        r.Read();
        (r.GetInt64(0), r.GetString(1), r.GetInt32(2)).Should().Be((1L, "A", 90));
        r.GetString(3).Should().Be("-10 closed_without_notice 2025-06-03 (inspections 2025-06-03 closed_without_notice)");
    }

    [Fact]
    public void Changes_GradeMovedSinceLastMonth_Listed()
    {
        _w.Tenant("A").Tenant("B").Rent("A", Month(2025, 6), 1000m, Day(2025, 6, 1)).Inspection("A", Day(2025, 6, 3), "closed_without_notice")
            .Inspection("A", Day(2025, 6, 4), "closed_without_notice");

        CreditFile.Changes(_w.Connection, null, new Month(2025, 6), Rules).Select(c => (c.Now.TenantId, c.Before, c.Now.Grade)).Should().Equal(("A", "A", "B"));
    }
}
