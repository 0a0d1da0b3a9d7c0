using System.Text;

namespace Analytics.Ingest.Tests.Support;

/// <summary>
/// Test-data builder for a drop folder: a few valid leases by default, with files added as literal
/// CSV text so each test shows exactly the bytes the loader sees.
/// </summary>
internal sealed class Drop : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("ta-drop-").FullName;

    public const string Units = """
        unit_id,floor,zone,area_sqm
        U101,1F,A,120.5
        U102,1F,A,80
        U201,2F,B,200
        """;

    public const string Tenants = """
        tenant_id,tenant_name,brand,category,unit_id,lease_start,lease_end,base_rent,turnover_rate_pct,service_charge
        T1,喜茶,HEYTEA,f&b,U101,2024-01-01,2026-12-31,30000,8%,2000
        T2,周大福,CTF,jewelry,U102,2024-03-01,2027-02-28,50000,5,3000
        T3,优衣库,UNIQLO,fashion,U201,2024-01-01,2025-12-31,60000,0,4000
        """;

    public static Drop WithLeases()
    {
        var drop = new Drop();
        drop.File("units.csv", Units).File("tenants.csv", Tenants);
        return drop;
    }

    public Drop File(string name, string content, bool bom = false, bool crlf = false)
    {
        var text = content.ReplaceLineEndings(crlf ? "\r\n" : "\n");
        if (!text.EndsWith('\n'))
        {
            text += crlf ? "\r\n" : "\n";
        }

        System.IO.File.WriteAllText(Path.Combine(Folder, name), text, new UTF8Encoding(bom));
        return this;
    }

    public Drop Remove(string name)
    {
        System.IO.File.Delete(Path.Combine(Folder, name));
        return this;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
