using System.Diagnostics;
using System.Text;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Loading;
using Analytics.Ingest.Tests.Support;
using Analytics.SampleData.Hostile;
using Xunit.Abstractions;

namespace Analytics.Ingest.Tests.Hostile;

/// <summary>
/// Seeded random damage to CSV lines and workbooks (truncation, stray quotes and separators, invalid UTF-8 and other
/// encodings, control bytes, huge values, too many fields) through the real loader: every drop ends loaded or
/// refused with a reason, never an exception other than a one-sentence user error, never a hang, and a refused drop
/// leaves every table of the warehouse as it was.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261201;
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    private static readonly string[] Complaints =
    [
        "complaint_id,received_at,tenant_id,channel,category,severity,status,resolved_at,description",
        "C{0},2024-01-05 10:30,T1,hotline,service,2,resolved,2024-01-06 09:00:00,排队太久",
        "C{0},2024-01-06 11:00:00,,app,hygiene,minor,open,,\"洗手间, \"\"很脏\"\"\"",
    ];

    private static readonly string[] Sales =
    [
        "tenant_id,date,net_sales,transactions",
        "T1,2024-01-{1:00},1000.50,40",
        "T2,2024/03/{1:00},88000,",
    ];

    [Fact]
    public void Fuzz_DamagedCsvLines_EachDropLoadsOrIsRefusedWithAReason()
    {
        var random = new Random(Seed);
        Load(Drop.WithLeases(), 100);   // leases first, so that rows can load
        var lines = 0;
        var malformed = 0;
        var outcomes = new List<string>();
        for (var d = 0; d < 12; d++)
        {
            var template = d % 2 == 0 ? Complaints : Sales;
            var name = d % 2 == 0 ? "complaints.csv" : "sales.csv";
            var bytes = new List<byte>();
            if (random.Next(4) == 0)
            {
                bytes.AddRange(Encoding.UTF8.GetPreamble());
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(template[0] + (d % 4 == 1 ? "\r\n" : "\n")));
            for (var i = 0; i < 250; i++, lines++)
            {
                var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, template[1 + random.Next(2)], d * 1000 + i, 1 + i % 28);
                // Two drops in three have every line damaged; the others a line now and then, so that some load.
                var damaged = d % 3 != 0 || random.Next(250) == 0;
                bytes.AddRange(damaged ? Damage(random, Encoding.UTF8.GetBytes(line)) : Encoding.UTF8.GetBytes(line));
                malformed += damaged ? 1 : 0;
                bytes.AddRange(d % 4 == 1 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
            }

            if (d % 3 != 0 && random.Next(2) == 0)
            {
                bytes.RemoveRange(bytes.Count - random.Next(1, 200), random.Next(1, 100));   // cut mid-line, no final line break
            }

            var drop = new Drop();   // Load disposes it
            File.WriteAllBytes(Path.Combine(drop.Folder, name), bytes.ToArray());
            outcomes.Add(Load(drop, random.Next(2) == 0 ? 5 : 100));
        }

        lines.Should().BeGreaterThanOrEqualTo(3_000);
        malformed.Should().BeGreaterThanOrEqualTo(2_000);
        outcomes.Should().Contain("loaded").And.Contain("refused", "the damage is varied enough to see both outcomes");
    }

    [Fact]
    public void Fuzz_DamagedWorkbooks_EachDropLoadsOrIsRefusedWithAReason()
    {
        var random = new Random(Seed + 1);
        Load(Drop.WithLeases(), 100);
        var outcomes = new List<string>();
        for (var d = 0; d < 14; d++)
        {
            var drop = new Drop();   // Load disposes it
            var path = Path.Combine(drop.Folder, $"book{d}.xlsx");
            var rows = new List<IReadOnlyList<string?>> { new[] { "tenant_id", "date", "net_sales", "transactions" } };
            for (var i = 0; i < 30; i++)
            {
                var cells = new[] { "T1", $"2024-02-{1 + i % 28:00}", "12.5", "3" };
                if (random.Next(4) == 0)
                {
                    var text = Encoding.UTF8.GetString(Damage(random, Encoding.UTF8.GetBytes(cells[random.Next(4)])));
                    cells[random.Next(4)] = random.Next(10) == 0 ? StreamedWorkbook.Huge : text;
                }

                rows.Add(cells);
            }

            StreamedWorkbook.Write(path, random.Next(5) == 0 ? "Sales " : "sales", rows, hugeChars: random.Next(2) == 0 ? 5_000 : 70_000);
            if (random.Next(3) == 0)
            {
                var bytes = File.ReadAllBytes(path);
                var cut = random.Next(bytes.Length);
                if (random.Next(2) == 0)
                {
                    File.WriteAllBytes(path, bytes[..cut]);
                }
                else
                {
                    bytes[cut] ^= (byte)random.Next(1, 256);
                    File.WriteAllBytes(path, bytes);
                }
            }

            outcomes.Add(Load(drop, random.Next(2) == 0 ? 5 : 100));
        }

        outcomes.Should().Contain("loaded").And.Contain(o => o != "loaded");
    }

    /// <summary>Loads a drop and checks the promise; returns "loaded", "refused" or "user error".</summary>
    private string Load(Drop drop, double maxRejectPct)
    {
        using (drop)
        {
            var before = _wh.ContentFingerprint();
            var watch = Stopwatch.StartNew();
            LoadResult result;
            try
            {
                result = _wh.Load(drop.Folder, maxRejectPct);
            }
            catch (UserError ex)
            {
                ex.Message.Should().NotBeNullOrWhiteSpace();
                ex.Message.Where(char.IsControl).Should().BeEmpty();
                _wh.ContentFingerprint().Should().Be(before);
                return "user error";
            }

            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "no input makes a load hang");
            result.Rejects.Select(r => r.Reason).Except([.. RejectReason.All, RejectReason.TooLong]).Should().BeEmpty();
            result.Files.Where(f => f.Refused && string.IsNullOrWhiteSpace(f.RefusalReason)).Should().BeEmpty("a refused file says why");
            result.Problems.Concat(result.Files.Select(f => f.RefusalReason ?? "")).SelectMany(p => p).Should().NotContain(c => char.IsControl(c));
            if (result.Refused)
            {
                _wh.ContentFingerprint().Should().Be(before, "a refused drop changes nothing");
                output.WriteLine($"{watch.Elapsed.TotalSeconds:0.00}s refused: {string.Join("; ", result.Files.Where(f => f.Refused).Select(f => f.RefusalReason))}");
                return "refused";
            }

            output.WriteLine($"{watch.Elapsed.TotalSeconds:0.00}s loaded {result.RowsLoaded}, rejected {result.RowsRejected}");
            return "loaded";
        }
    }

    /// <summary>One kind of damage to a line's bytes, chosen at random.</summary>
    private static byte[] Damage(Random random, byte[] line)
    {
        var bytes = line.ToList();
        switch (random.Next(12))
        {
            case 0: return bytes.Take(random.Next(bytes.Count)).ToArray();                           // truncated
            case 1: bytes.Insert(random.Next(bytes.Count), (byte)'"'); break;                          // stray quote
            case 2: bytes.Insert(random.Next(bytes.Count), (byte)','); break;                          // extra field
            case 3: bytes.Insert(random.Next(bytes.Count), (byte)random.Next(0x80, 0x100)); break;    // invalid UTF-8
            case 4: bytes.Insert(random.Next(bytes.Count), (byte)random.Next(0, 0x20)); break;        // control byte
            case 5: return Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(line));                    // another encoding
            case 6: bytes.InsertRange(random.Next(bytes.Count), Encoding.UTF8.GetBytes(new string('长', random.Next(1_000, 30_000)))); break;
            case 7: bytes.InsertRange(random.Next(bytes.Count), Enumerable.Repeat((byte)',', random.Next(500, 3_000))); break;
            case 8: bytes.InsertRange(random.Next(bytes.Count), "\"\n\""u8.ToArray()); break;        // quoted line break
            case 9: bytes.InsertRange(0, Encoding.UTF8.GetBytes(new string(' ', random.Next(1, 5)))); break;
            case 10: bytes.Reverse(); break;
            default: break;                                                                           // left whole
        }

        return bytes.ToArray();
    }
}
