using System.Text;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// The SQL that turns a staged all-text table into typed rows with the first reason each row breaks
/// the contract. Validation runs inside DuckDB, set-based, because a row loop in .NET could not keep
/// up with DuckDB's own CSV reader on a ten-million-row file.
/// </summary>
internal static class DatasetSql
{
    // Free text keeps its spaces and line breaks; everything else is compared and keyed, so it is trimmed.
    private static readonly HashSet<string> FreeText = ["description", "note", "exit_reason", "tenant_name", "resolution"];

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A query's single number (counts, row ids), as long: DuckDB returns HUGEINT for some sums.</summary>
    public static long Scalar(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>CREATE TEMP TABLE typed AS ...: every contract column typed, plus _row and _err ('column|reason' or NULL).</summary>
    public static string Typed(DatasetSpec dataset, Func<string, bool> present, string stage, string typed)
    {
        var inner = new StringBuilder();
        foreach (var c in dataset.Columns)
        {
            var raw = present(c.Name) ? Quote(c.Name) : "NULL::VARCHAR";
            var text = FreeText.Contains(c.Name)
                ? $"CASE WHEN trim({raw}) = '' THEN NULL ELSE {raw} END"
                : $"nullif(trim({raw}), '')";
            if (c.Default is not null)
            {
                text = $"coalesce({text}, {Literal(c.Default)})";
            }

            inner.Append($", {text} AS {Quote("t_" + c.Name)}");
        }

        var outer = new StringBuilder();
        var checks = new StringBuilder();
        foreach (var c in dataset.Columns)
        {
            var t = Quote("t_" + c.Name);
            var (value, valid, reason) = Parse(c, t);
            outer.Append($", {value} AS {Quote(c.Name)}");
            if (c.Required && c.Default is null)
            {
                checks.Append($" WHEN {t} IS NULL THEN '{c.Name}|{RejectReason.MissingValue}'");
            }

            if (valid is not null)
            {
                checks.Append($" WHEN {t} IS NOT NULL AND NOT ({valid}) THEN '{c.Name}|{reason}'");
            }

            if (c.Name == "area_sqm")
            {
                checks.Append($" WHEN ({value}) <= 0 THEN '{c.Name}|{RejectReason.OutOfRange}'");
            }
            else if (c.NonNegative)
            {
                checks.Append($" WHEN ({value}) < 0 THEN '{c.Name}|{RejectReason.OutOfRange}'");
            }
        }

        checks.Append(RowRules(dataset));

        return $"""
            CREATE TEMP TABLE {typed} AS
            SELECT _row{outer}, CASE{checks} END AS _err
            FROM (SELECT _row{inner} FROM {stage})
            """;
    }

    /// <summary>Rules across columns of one row.</summary>
    private static string RowRules(DatasetSpec dataset) => dataset.Name switch
    {
        "tenants" => $"""
             WHEN try_cast("t_lease_end" AS DATE) < try_cast("t_lease_start" AS DATE) THEN 'lease_end|{RejectReason.OutOfRange}'
             WHEN "t_exit_date" IS NOT NULL AND {DateExpr("\"t_exit_date\"")} < {DateExpr("\"t_lease_start\"")} THEN 'exit_date|{RejectReason.OutOfRange}'
             WHEN "t_area_sqm" IS NULL AND coalesce("t_mall_id", 'main') NOT IN (SELECT mall_id FROM units) THEN 'area_sqm|{RejectReason.MissingValue}'
            """,
        "complaints" => $"""
             WHEN {TimestampExpr("\"t_resolved_at\"")} < {TimestampExpr("\"t_received_at\"")} THEN 'resolved_at|{RejectReason.OutOfRange}'
            """,
        "requests" => $"""
             WHEN {TimestampExpr("\"t_resolved_at\"")} < {TimestampExpr("\"t_raised_at\"")} THEN 'resolved_at|{RejectReason.OutOfRange}'
            """,
        "turnover_tiers" => $"""
             WHEN try_cast(regexp_replace("t_rate_pct", '\s*%$', '') AS DECIMAL(9,4)) > 100 THEN 'rate_pct|{RejectReason.OutOfRange}'
            """,
        "budget" => $"""
             WHEN "t_sales_budget" IS NULL AND "t_rent_budget" IS NULL THEN 'sales_budget|{RejectReason.MissingValue}'
            """,
        _ => "",
    };

    private static string DateExpr(string t) => $"coalesce(try_cast({t} AS DATE), try_strptime({t}, '%Y/%m/%d')::DATE)";

    private static string TimestampExpr(string t) =>
        $"coalesce(try_cast({t} AS TIMESTAMP), try_strptime({t}, '%Y/%m/%d %H:%M:%S'), try_strptime({t}, '%Y/%m/%d %H:%M'))";

    /// <summary>The typed value, the condition under which text is valid, and the reason when it is not.</summary>
    private static (string Value, string? Valid, string Reason) Parse(ColumnSpec c, string t)
    {
        switch (c.Type)
        {
            case ColumnType.Decimal:
                return ($"try_cast({t} AS DECIMAL(18,2))", $"regexp_full_match({t}, '-?[0-9]+(\\.[0-9]{{1,2}})?')", RejectReason.BadNumber);
            case ColumnType.Percent:
                var pct = $"regexp_replace({t}, '\\s*%$', '')";
                return ($"try_cast({pct} AS DECIMAL(9,4))", $"regexp_full_match({pct}, '-?[0-9]+(\\.[0-9]{{1,4}})?')", RejectReason.BadNumber);
            case ColumnType.Integer:
                return ($"try_cast({t} AS BIGINT)", $"regexp_full_match({t}, '-?[0-9]{{1,15}}')", RejectReason.BadNumber);
            case ColumnType.Date:
                var date = DateExpr(t);
                return (date, $"{date} IS NOT NULL", RejectReason.BadDate);
            case ColumnType.Month:
                var month = $"coalesce(try_strptime({t}, '%Y-%m'), try_strptime({t}, '%Y/%m'))::DATE";
                return (month, $"{month} IS NOT NULL", RejectReason.BadDate);
            case ColumnType.Timestamp:
                var ts = TimestampExpr(t);
                return (ts, $"{ts} IS NOT NULL", RejectReason.BadTimestamp);
            case ColumnType.Enum:
                var list = string.Join(", ", c.Values!.Select(Literal));
                return ($"lower({t})", $"lower({t}) IN ({list})", RejectReason.BadEnum);
            case ColumnType.Email:
                return (t, EmailValid(t), RejectReason.BadEmail);
            case ColumnType.Severity:
                var sev = $"""
                    CASE lower({t}) WHEN '1' THEN 1 WHEN 'minor' THEN 1 WHEN '轻微' THEN 1 WHEN '輕微' THEN 1
                    WHEN '2' THEN 2 WHEN 'moderate' THEN 2 WHEN '一般' THEN 2
                    WHEN '3' THEN 3 WHEN 'serious' THEN 3 WHEN '严重' THEN 3 WHEN '嚴重' THEN 3 END
                    """;
                return (sev, $"({sev}) IS NOT NULL", RejectReason.BadEnum);
            default:
                return (t, null, "");
        }
    }

    /// <summary>The condition under which the text <paramref name="t"/> is a mail address of the contract.</summary>
    public static string EmailValid(string t) =>
        $"length({t}) <= {DataContract.EmailMaxLength} AND regexp_full_match({t}, {Literal(DataContract.EmailPattern)})";

    /// <summary>Marks valid rows whose tenant no lease knows (in the warehouse or loaded earlier in this drop).</summary>
    public static string UnknownTenant(string typed) => $"""
        UPDATE {typed} SET _err = 'tenant_id|{RejectReason.UnknownTenant}'
        WHERE _err IS NULL AND tenant_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM tenants l WHERE l.mall_id = {typed}.mall_id AND l.tenant_id = {typed}.tenant_id)
        """;

    /// <summary>A tier must name a lease (tenant_id and lease_start) that the warehouse or this drop knows.</summary>
    public static string UnknownLease(string typed) => $"""
        UPDATE {typed} SET _err = 'lease_start|{RejectReason.UnknownTenant}'
        WHERE _err IS NULL
          AND NOT EXISTS (SELECT 1 FROM tenants l WHERE l.mall_id = {typed}.mall_id AND l.tenant_id = {typed}.tenant_id
                          AND l.lease_start = {typed}.lease_start)
        """;

    /// <summary>
    /// A lease's tier list is taken whole or not at all: its rows are rejected (sales_from, out_of_range)
    /// when the file lists them out of increasing sales_from (a typing slip in a threshold is the usual
    /// cause, and sorting it silently would bill on a wrong tier), or when the tiers the lease would have
    /// after this load (the stored ones not replaced plus these) do not start at 0.
    /// </summary>
    public static string TierList(string typed) => $"""
        UPDATE {typed} SET _err = 'sales_from|{RejectReason.OutOfRange}'
        WHERE _err IS NULL AND (mall_id, tenant_id, lease_start) IN (
            SELECT mall_id, tenant_id, lease_start FROM (
                SELECT mall_id, tenant_id, lease_start,
                       sales_from < max(sales_from) OVER (PARTITION BY mall_id, tenant_id, lease_start ORDER BY _row
                                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS back
                FROM {typed} WHERE _err IS NULL)
            WHERE back
            UNION
            SELECT mall_id, tenant_id, lease_start FROM (
                SELECT mall_id, tenant_id, lease_start, sales_from FROM {typed} WHERE _err IS NULL
                UNION ALL
                SELECT x.mall_id, x.tenant_id, x.lease_start, x.sales_from FROM turnover_tiers x
                WHERE (x.mall_id, x.tenant_id, x.lease_start) IN (SELECT mall_id, tenant_id, lease_start FROM {typed} WHERE _err IS NULL))
            GROUP BY ALL HAVING min(sales_from) <> 0)
        """;

    /// <summary>Sales must fall inside one of the tenant's leases, up to the day it left.</summary>
    public static string OutsideLease(string typed) => $"""
        UPDATE {typed} SET _err = 'date|{RejectReason.OutsideLease}'
        WHERE _err IS NULL
          AND NOT EXISTS (SELECT 1 FROM tenants l WHERE l.mall_id = {typed}.mall_id AND l.tenant_id = {typed}.tenant_id
                          AND {LeaseSql.InForce("l", $"{typed}.date")})
        """;

    /// <summary>Keeps the first occurrence of a key among the otherwise valid rows; later ones are rejected.</summary>
    public static string DuplicateKey(DatasetSpec dataset, string typed)
    {
        var keys = string.Join(", ", dataset.Key.Select(Quote));
        return $"""
            UPDATE {typed} SET _err = '{string.Join("+", dataset.Key)}|{RejectReason.DuplicateKey}'
            FROM (SELECT t._row FROM {typed} t
                  JOIN (SELECT {keys}, min(_row) AS first FROM {typed} WHERE _err IS NULL GROUP BY ALL HAVING count(*) > 1) d
                    ON {KeyMatch(dataset, "t", "d")} AND t._row > d.first
                  WHERE t._err IS NULL) x
            WHERE {typed}._row = x._row
            """;
    }

    public static string ColumnList(DatasetSpec dataset) => string.Join(", ", dataset.Columns.Select(c => Quote(c.Name)));

    public static string KeyMatch(DatasetSpec dataset, string left, string right) =>
        string.Join(" AND ", dataset.Key.Select(k => $"{left}.{Quote(k)} = {right}.{Quote(k)}"));

    /// <summary>Valid rows that are new or differ from what the warehouse holds under their key.</summary>
    public static string Fresh(DatasetSpec dataset, string typed, string fresh) => $"""
        CREATE TEMP TABLE {fresh} AS
        SELECT {ColumnList(dataset)} FROM {typed} t
        WHERE _err IS NULL AND NOT EXISTS (
            SELECT 1 FROM {dataset.Name} x
            WHERE {string.Join(" AND ", dataset.Columns.Select(c => $"x.{Quote(c.Name)} IS NOT DISTINCT FROM t.{Quote(c.Name)}"))})
        """;
}
