using DuckDB.NET.Data;

namespace Analytics.Model.Malls;

/// <summary>A mall as the malls dataset describes it; without a malls row, its id stands in for the name.</summary>
public sealed record MallInfo(string MallId, string Name, string? NameEn, string? City, string? TimeZone, string? Currency)
{
    /// <summary>The name a document shows: the English name in an English document when the mall gives one.</summary>
    public string NameIn(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;
}

/// <summary>The one place that reads the malls dataset: names for documents and the API, time zones for the jobs.</summary>
public static class MallDirectory
{
    public static IReadOnlyList<MallInfo> All(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT mall_id, mall_name, mall_name_en, city, time_zone, currency FROM malls ORDER BY mall_id";
        using var r = cmd.ExecuteReader();
        var malls = new List<MallInfo>();
        while (r.Read())
        {
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            malls.Add(new MallInfo(r.GetString(0), r.GetString(1), Text(2), Text(3), Text(4), Text(5)));
        }

        return malls;
    }

    /// <summary>The mall's row, or its id as its name when the warehouse holds no malls row for it.</summary>
    public static MallInfo Of(DuckDBConnection connection, string mallId) =>
        All(connection).FirstOrDefault(m => m.MallId == mallId) ?? new MallInfo(mallId, mallId, null, null, null, null);
}
