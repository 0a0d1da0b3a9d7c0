using System.Globalization;
using Analytics.Ingest.Contract;
using Analytics.Ingest.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace Analytics.Ingest.Tests.Loading;

/// <summary>
/// The committed sample drops loaded for real, checked against figures computed from the files by an
/// independent CSV reader (.NET's TextFieldParser), minus exactly the rows the rejects list names.
/// </summary>
public sealed class SampleDropLoadTests : IDisposable
{
    private readonly TempWarehouse _wh = new();

    public void Dispose() => _wh.Dispose();

    // dataset -> a numeric column to sum (null: the dataset has none, only rows are counted)
    private static readonly Dictionary<string, string?> SumColumn = new()
    {
        ["units"] = "area_sqm", ["tenants"] = "base_rent", ["sales"] = "net_sales", ["rent"] = "amount_due",
        ["complaints"] = "severity", ["inspections"] = "minutes", ["footfall"] = "visitors",
        ["malls"] = null, ["turnover_tiers"] = "sales_from", ["budget"] = "rent_budget", ["requests"] = null,
    };

    [Theory]
    [InlineData("drop", 5.0)]
    [InlineData("bad-drop", 100.0)]
    public void Load_CommittedDrop_TablesHoldExactlyTheFileRowsNotRejected(string folder, double limit)
    {
        var drop = RepositoryRoot.Combine("data-samples", folder);

        var result = _wh.Load(drop, limit);

        result.Refused.Should().BeFalse();
        foreach (var file in Directory.GetFiles(drop, "*.csv"))
        {
            var dataset = DataContract.Find(Path.GetFileNameWithoutExtension(file))!;
            var rejectedLines = result.Rejects.Where(r => r.File == Path.GetFileName(file)).Select(r => r.Line).ToHashSet();
            var column = SumColumn[dataset.Name];
            var (count, sum) = CountAndSum(file, dataset, column ?? "mall_id", rejectedLines);
            var severityOrValue = column == "severity" ? "severity" : $"\"{column}\"";

            _wh.Scalar<long>($"SELECT count(*) FROM {dataset.Name}").Should().Be(count, $"{folder}/{dataset.Name} row count");
            if (column is null)
            {
                continue;
            }

            _wh.Scalar<decimal>($"SELECT coalesce(sum({severityOrValue}), 0)::DECIMAL(38,2) FROM {dataset.Name}").Should().Be(sum, $"{folder}/{dataset.Name} sum of {column}");
        }
    }

    [Fact]
    public void Load_BadDrop_RejectsExactlyTheExpectedRowsWithEveryReason()
    {
        var root = RepositoryRoot.Combine("data-samples");
        var expected = ReadCsv(Path.Combine(root, "bad-drop-expected.csv")).Skip(1)
            .Select(r => (File: r.Fields[0], Line: long.Parse(r.Fields[1], CultureInfo.InvariantCulture), Column: r.Fields[2], Reason: r.Fields[3]))
            .ToList();

        var result = _wh.Load(Path.Combine(root, "bad-drop"), 100);

        result.Rejects.Select(r => (r.File, r.Line, Column: r.Column ?? "", r.Reason)).Should().BeEquivalentTo(expected);
        expected.Select(e => e.Reason).Distinct().Should().BeEquivalentTo(RejectReason.All, "the bad drop shows every reject reason");
        _wh.Load(Path.Combine(root, "bad-drop")).Refused.Should().BeTrue("with the default 5 % limit the bad drop is refused");
    }

    private static (long Count, decimal Sum) CountAndSum(string path, DatasetSpec dataset, string column, HashSet<long> rejectedLines)
    {
        var rows = ReadCsv(path);
        var header = rows[0].Fields;
        var spec = dataset.Column(column);
        var index = Array.FindIndex(header, h => spec.HeaderNames().Contains(h.Trim(), StringComparer.OrdinalIgnoreCase));
        long count = 0;
        decimal sum = 0;
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (rejectedLines.Contains(line))
            {
                continue;
            }

            count++;
            var text = index >= 0 && index < fields.Length ? fields[index].Trim() : "";
            if (text.Length > 0 && column != "mall_id")
            {
                sum += column == "severity" ? Severity(text) : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            }
        }

        return (count, sum);
    }

    private static int Severity(string text) => text.ToLowerInvariant() switch
    {
        "minor" => 1, "moderate" => 2, "serious" => 3, _ => int.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>Records with the physical line each starts on (TextFieldParser handles quotes and line breaks itself).</summary>
    private static List<(long Line, string[] Fields)> ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<(long, string[])>();
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            try
            {
                rows.Add((line, parser.ReadFields()!));
            }
            catch (MalformedLineException)
            {
                rows.Add((line, []));   // a row the loader must reject as malformed
            }
        }

        return rows;
    }
}
