using System.Globalization;
using Analytics.Model.Analysis;

namespace Analytics.Model.Tests.Support;

/// <summary>
/// A generated mall with planted situations loaded by the real loader into a real warehouse, analysed for its last
/// month, with its ground truth: what the flag evaluation (recall and precision per flag) reads.
/// </summary>
internal sealed class PlantedMall : IDisposable
{
    public PlantedMall(Func<string, string> sampleFolder)
    {
        Warehouse = new TestWarehouse();
        Root = sampleFolder(Warehouse.Folder);
        Warehouse.LoadDrop(Path.Combine(Root, "drop"));

        Truth = File.ReadAllLines(Path.Combine(Root, "sample-truth.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c.Length >= 3 && c[0].Length > 0)
            .Select(c => (TenantId: c[0], Situation: c[1], Expected: c[2])).ToList();
        using var cmd = Warehouse.Connection.CreateCommand();
        cmd.CommandText = "SELECT max(date) FROM sales";
        var last = (DateOnly)cmd.ExecuteScalar()!;
        Period = Month.Of(last);
        Result = TenantAnalysis.Run(Warehouse.Connection, null, Period, AnalysisSettings.Default);
    }

    public string Root { get; }
    public TestWarehouse Warehouse { get; }
    public IReadOnlyList<(string TenantId, string Situation, string Expected)> Truth { get; }
    public Month Period { get; }
    public AnalysisResult Result { get; }

    public HashSet<string> Flagged(string code) =>
        Result.Flags.Where(f => f.Code == code).Select(f => f.Score.Frame.Metrics.TenantId).ToHashSet(StringComparer.Ordinal);

    public HashSet<string> Planted(string code) =>
        Truth.Where(t => t.Expected == code).Select(t => t.TenantId).ToHashSet(StringComparer.Ordinal);

    public HashSet<string> In(string situation) =>
        Truth.Where(t => t.Situation == situation).Select(t => t.TenantId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Recall and precision of one flag against the planted truth, and a line saying which tenants differ.</summary>
    public (int Planted, int Flagged, double Recall, double Precision, string Line) Evaluate(string code)
    {
        var planted = Planted(code);
        var flagged = Flagged(code);
        var hits = planted.Intersect(flagged).Count();
        var recall = planted.Count == 0 ? 1 : (double)hits / planted.Count;
        var precision = flagged.Count == 0 ? 1 : (double)hits / flagged.Count;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{code}: planted {planted.Count}, flagged {flagged.Count}, recall {recall:0.00}, precision {precision:0.00}; missed [{string.Join(' ', planted.Except(flagged).Order())}] extra [{string.Join(' ', flagged.Except(planted).Order())}]");
        return (planted.Count, flagged.Count, recall, precision, line);
    }

    /// <summary>
    /// Prints recall and precision of the flag and the figures of every missed or extra tenant, then requires the
    /// recall and precision floors of docs/analysis.md (precision 0.8 for replace, 0.7 for the others).
    /// </summary>
    public void ShouldFind(string code, double minRecall, Action<string> print)
    {
        var e = Evaluate(code);
        print(e.Line);
        foreach (var id in Planted(code).Except(Flagged(code)).Concat(Flagged(code).Except(Planted(code))).Order())
        {
            print(Describe(id));
        }

        e.Planted.Should().BeGreaterThan(0, "the mall plants every flag");
        e.Recall.Should().BeGreaterThanOrEqualTo(minRecall, "planted {0} tenants must be flagged", code);
        e.Precision.Should().BeGreaterThanOrEqualTo(code == Analytics.Model.Flags.FlagCodes.Replace ? 0.8 : 0.7, "few unplanted tenants may carry the {0} flag", code);
    }

    /// <summary>The repository's data-samples folder (above the test binaries).</summary>
    public static string CommittedSamples() => RepositoryRoot.Combine("data-samples");

    /// <summary>The figures the rules read, for a tenant a test reports as missed or extra.</summary>
    public string Describe(string tenantId)
    {
        var s = Result.Scores.SingleOrDefault(x => x.Frame.Metrics.TenantId == tenantId);
        if (s is null)
        {
            return $"  {tenantId}: not in force on the month's last day";
        }

        var f = s.Frame;
        var m = f.Metrics;
        var flags = string.Join(",", Result.Flags.Where(x => x.Score == s).Select(x => x.Code));
        return string.Create(CultureInfo.InvariantCulture,
            $"  {tenantId} {m.Category} flags[{flags}] ratio3m {f.DensityRatio3m:0.00} under {f.MonthsUnder}/{f.MonthsRated} exp {s.ExpectedRatio:0.00} open {m.MonthsOpen} expiry {m.MonthsToExpiry} " +
            $"arrears {m.ArrearsDays}d late {m.LateShare12m:0.00} ocr {m.OcrTtm:0.000} baserentpsm {f.BaseRentPsm:0.0}/{f.FloorRentPsmPeerMedian:0.0} " +
            $"compl {f.Complaints3m}/{f.ComplaintsPriorAvg:0.00}/{f.Complaints3mPeerMedian:0.0} rate {f.ComplaintRate3m:0.0}/{f.ComplaintRate3mPeerMedian:0.0} viol {f.Violations3m}/{f.ViolationsPriorAvg:0.00}/{f.Violations3mPeerMedian:0.0} " +
            $"sales {f.SalesChange:0.00} rcpt {f.ReceiptsChange:0.00} peers {f.SalesChangePeerMedian:0.00} z {f.TicketZ:0.0} foot {f.FootfallChange:0.00} relyoy {f.RelYoy:0.00} relmom {f.RelMomentum:0.00} risk {s.Risk:0.00}");
    }

    public void Dispose() => Warehouse.Dispose();
}
