using System.Globalization;
using Analytics.Ingest.Warehouse;
using Analytics.Model.Metrics;
using DuckDB.NET.Data;

namespace Analytics.Model.Credit;

/// <summary>One deduction of the credit file: the rule, the points, the day it happened and the source row it comes from.</summary>
public sealed record CreditDeduction(string Rule, int Points, DateOnly Date, string Source)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"-{Points} {Rule} {Date:yyyy-MM-dd} ({Source})");
}

/// <summary>A tenant's grade for a month with every deduction behind it.</summary>
public sealed record CreditGrade(string MallId, string TenantId, string TenantName, DateOnly Period, string Grade, int Points, IReadOnlyList<CreditDeduction> Deductions)
{
    public static IReadOnlyList<string> Columns { get; } = ["mall_id", "tenant_id", "tenant_name", "grade", "points", "deductions"];

    /// <summary>The deductions as one readable text, largest first.</summary>
    public string DeductionsText => string.Join("; ", Deductions.Select(d => d.ToString()));

    public object?[] Values() => [MallId, TenantId, TenantName, Grade, Points, DeductionsText];
}

/// <summary>
/// The credit file (信用档案): a monthly grade A–D per tenant with a lease in force on the month's last day D, from
/// transparent point rules (<see cref="CreditSettings"/>) over the warehouse's rent bills, patrol findings and
/// complaints in the window ending on D; <see cref="Record"/> keeps the month in <c>credit_history</c>.
/// </summary>
public static class CreditFile
{
    public static IReadOnlyList<CreditGrade> Grade(DuckDBConnection connection, string? mallId, Month period, CreditSettings settings)
    {
        var d = period.Last;
        var from = period.AddMonths(1 - settings.WindowMonths).First;
        var deductions = new Dictionary<(string, string), List<CreditDeduction>>();
        void Add(string mall, string tenant, CreditDeduction deduction)
        {
            if (!deductions.TryGetValue((mall, tenant), out var list))
            {
                deductions[(mall, tenant)] = list = [];
            }

            list.Add(deduction);
        }

        // Rent bills: unpaid on D by age, else paid late within the window.
        foreach (var r in Read(connection, $"""
            SELECT mall_id, tenant_id, period, charge_type, due_date, amount_due, amount_paid, paid_date
            FROM rent r WHERE r.due_date <= CAST($d AS DATE) AND {MetricsSql.Filter("r")}
              AND (r.due_date >= CAST($from AS DATE) OR NOT (r.paid_date IS NOT NULL AND r.paid_date <= CAST($d AS DATE) AND r.amount_paid >= r.amount_due))
            """, mallId, from, d))
        {
            var due = r.Date("due_date");
            var paidOn = r.IsDBNull(r.GetOrdinal("paid_date")) ? (DateOnly?)null : r.Date("paid_date");
            var unpaid = paidOn is { } p && p <= d ? r.Money("amount_due") - r.Money("amount_paid") : r.Money("amount_due");
            var source = $"rent {Month.Of(r.Date("period"))} {r.Text("charge_type")}";
            var age = d.DayNumber - due.DayNumber;
            if (unpaid > 0 && age > 0)
            {
                var points = age <= 30 ? settings.Unpaid1To30 : age <= 60 ? settings.Unpaid31To60 : age <= 90 ? settings.Unpaid61To90 : settings.UnpaidOver90;
                Add(r.Text("mall_id"), r.Text("tenant_id"), new CreditDeduction("unpaid", points, due,
                    string.Create(CultureInfo.InvariantCulture, $"{source}, {age} days overdue")));
            }
            else if (unpaid <= 0 && paidOn is { } paid && paid.DayNumber - due.DayNumber > settings.GraceDays)
            {
                Add(r.Text("mall_id"), r.Text("tenant_id"), new CreditDeduction("paid_late", settings.LateBill, paid, source));
            }
        }

        foreach (var r in Read(connection, $"""
            SELECT mall_id, tenant_id, date, type FROM inspections i
            WHERE i.date BETWEEN CAST($from AS DATE) AND CAST($d AS DATE) AND {MetricsSql.Filter("i")}
            """, mallId, from, d))
        {
            var type = r.Text("type");
            var points = type switch
            {
                "closed_without_notice" => settings.ClosedWithoutNotice,
                "late_open" or "early_close" => settings.LateOpenOrEarlyClose,
                _ => settings.OtherFinding,
            };
            var date = r.Date("date");
            Add(r.Text("mall_id"), r.Text("tenant_id"), new CreditDeduction(type, points, date, $"inspections {date:yyyy-MM-dd} {type}"));
        }

        foreach (var r in Read(connection, $"""
            SELECT mall_id, tenant_id, complaint_id, received_at FROM complaints c
            WHERE c.tenant_id IS NOT NULL AND c.severity >= 3
              AND c.received_at >= CAST($from AS DATE)::TIMESTAMP AND c.received_at < (CAST($d AS DATE) + 1)::TIMESTAMP AND {MetricsSql.Filter("c")}
            """, mallId, from, d))
        {
            Add(r.Text("mall_id"), r.Text("tenant_id"), new CreditDeduction("serious_complaint", settings.SeriousComplaint,
                DateOnly.FromDateTime(r.TimeOrNull("received_at")!.Value), $"complaints {r.Text("complaint_id")}"));
        }

        var grades = new List<CreditGrade>();
        foreach (var r in Read(connection, $"""
            SELECT mall_id, tenant_id, arg_max(tenant_name, lease_start) AS tenant_name FROM tenants t
            WHERE {LeaseSql.InForce("t", "CAST($d AS DATE)")} AND {MetricsSql.Filter("t")}
            GROUP BY ALL ORDER BY mall_id, tenant_id
            """, mallId, from, d))
        {
            var list = deductions.GetValueOrDefault((r.Text("mall_id"), r.Text("tenant_id"))) ?? [];
            list = list.OrderByDescending(x => x.Points).ThenBy(x => x.Date).ThenBy(x => x.Source, StringComparer.Ordinal).ToList();
            var points = Math.Max(0, settings.StartPoints - list.Sum(x => x.Points));
            grades.Add(new CreditGrade(r.Text("mall_id"), r.Text("tenant_id"), r.Text("tenant_name"), period.First, settings.GradeOf(points), points, list));
        }

        return grades;
    }

    /// <summary>Stores the month's grades in credit_history (a month graded again replaces its rows).</summary>
    public static void Record(DuckDBConnection connection, IReadOnlyList<CreditGrade> grades, DateTime computedAt)
    {
        using var tx = connection.BeginTransaction();
        foreach (var g in grades)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                INSERT OR REPLACE INTO credit_history VALUES ($mall, $tenant, $period, $grade, $points, $deductions, $at)
                """;
            cmd.Parameters.Add(new DuckDBParameter("mall", g.MallId));
            cmd.Parameters.Add(new DuckDBParameter("tenant", g.TenantId));
            cmd.Parameters.Add(new DuckDBParameter("period", g.Period));
            cmd.Parameters.Add(new DuckDBParameter("grade", g.Grade));
            cmd.Parameters.Add(new DuckDBParameter("points", g.Points));
            cmd.Parameters.Add(new DuckDBParameter("deductions", g.DeductionsText));
            cmd.Parameters.Add(new DuckDBParameter("at", computedAt));
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Tenants whose grade differs from the month before (both months graded here, so no stored history is needed).</summary>
    public static IReadOnlyList<(CreditGrade Now, string Before)> Changes(DuckDBConnection connection, string? mallId, Month period, CreditSettings settings)
    {
        var before = Grade(connection, mallId, period.AddMonths(-1), settings).ToDictionary(g => (g.MallId, g.TenantId), g => g.Grade);
        return Grade(connection, mallId, period, settings)
            .Where(g => before.TryGetValue((g.MallId, g.TenantId), out var b) && b != g.Grade)
            .Select(g => (g, before[(g.MallId, g.TenantId)])).ToList();
    }

    private static IEnumerable<System.Data.Common.DbDataReader> Read(DuckDBConnection connection, string sql, string? mallId, DateOnly from, DateOnly d)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.Add(new DuckDBParameter("mall", (object?)mallId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("d", d));
        if (sql.Contains("$from", StringComparison.Ordinal))
        {
            cmd.Parameters.Add(new DuckDBParameter("from", from));
        }
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return r;
        }
    }
}
