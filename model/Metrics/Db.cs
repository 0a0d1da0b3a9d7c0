using System.Data.Common;
using System.Globalization;

namespace Analytics.Model.Metrics;

/// <summary>Typed, null-aware reads from a DuckDB reader by column name (reports read the warehouse with these too).</summary>
public static class Db
{
    public static string Text(this DbDataReader r, string column) => r.GetString(r.GetOrdinal(column));

    public static string? TextOrNull(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }

    public static decimal Money(this DbDataReader r, string column) => r.MoneyOrNull(column) ?? 0m;

    public static decimal? MoneyOrNull(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : Convert.ToDecimal(r.GetValue(i), CultureInfo.InvariantCulture);
    }

    public static double? Real(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        if (r.IsDBNull(i))
        {
            return null;
        }

        var d = Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
        return double.IsFinite(d) ? d : null;
    }

    public static long Count(this DbDataReader r, string column) => r.CountOrNull(column) ?? 0;

    public static long? CountOrNull(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        // SUM over BIGINT (e.g. in a window) is HUGEINT, which arrives as a BigInteger.
        return r.IsDBNull(i) ? null : r.GetValue(i) switch
        {
            System.Numerics.BigInteger b => (long)b,
            var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        };
    }

    public static DateOnly Date(this DbDataReader r, string column)
    {
        var v = r.GetValue(r.GetOrdinal(column));
        return v switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            _ => DateOnly.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
    }

    public static DateTime? TimeOrNull(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : (DateTime)r.GetValue(i);
    }
}
