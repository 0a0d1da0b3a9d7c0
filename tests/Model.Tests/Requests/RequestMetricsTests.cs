using Analytics.Model.Metrics;
using Analytics.Model.Requests;
using Analytics.Model.Tests.Support;
using static Analytics.Model.Tests.Support.Some;

namespace Analytics.Model.Tests.Requests;

// P = 2025-06, D = 2025-06-30.
public sealed class RequestMetricsTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private static DateTime At(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0);

    [Fact]
    public void TenantMetrics_RequestsOnD_OpenAndOverdueAgainstServiceTimes()
    {
        _w.Tenant("A").Tenant("B");
        _w.Request("R1", "A", At(6, 25), "repair")                           // 5 days > 3: overdue
            .Request("R2", "A", At(6, 29, 23), "cleaning")                   // 1 day, not > 1: open, not overdue
            .Request("R3", "A", At(6, 22), "marketing")                      // 8 days > 7: overdue
            .Request("R4", "A", At(6, 1), "repair", resolvedAt: At(6, 30, 20)) // resolved on D: not open
            .Request("R5", "A", At(6, 1), "billing", resolvedAt: At(7, 1))   // resolved after D: open and overdue
            .Request("R6", "A", At(7, 1), "repair")                          // raised after D: not counted
            .Request("R7", "B", At(6, 28), "security");                      // 2 days > 1: overdue

        var rows = TenantMetrics.Query(_w.Connection, null, new Month(2025, 6)).ToDictionary(r => r.TenantId);

        (rows["A"].RequestsOpen, rows["A"].RequestsOverdue).Should().Be((4L, 3L));
        (rows["B"].RequestsOpen, rows["B"].RequestsOverdue).Should().Be((1L, 1L));
    }

    [Fact]
    public void TenantMetrics_ServiceTimesFromSettings_ChangeWhatIsOverdue()
    {
        _w.Tenant("A").Request("R1", "A", At(6, 25), "repair");
        var patient = new RequestSettings { ServiceDays = new(StringComparer.OrdinalIgnoreCase) { ["repair"] = 10 } };

        TenantMetrics.Query(_w.Connection, null, new Month(2025, 6), patient).Single().RequestsOverdue.Should().Be(0);
        TenantMetrics.Query(_w.Connection, null, new Month(2025, 6)).Single().RequestsOverdue.Should().Be(1);
    }
}
