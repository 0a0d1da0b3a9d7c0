using Analytics.Ingest.Csv;
using System.Text;
using Analytics.Model.Export;
using ClosedXML.Excel;

namespace Analytics.Api.Web.Ranking;

/// <summary>
/// The filtered ranking as a download: exactly the rows of the view, in its order, every column of the table. xlsx
/// (ClosedXML: typed numbers with number formats, a frozen header row, no formulas) or CSV (UTF-8 with a byte-order
/// mark so that Excel reads Chinese). A text cell that starts with = + - @ tab or CR would be read as a formula by a
/// spreadsheet: it gets a leading apostrophe.
/// </summary>
internal static class RankingExport
{
    private sealed record Column(string Key, string Format, Func<RankingRow, object?> Value);

    private static readonly IReadOnlyList<Column> Columns =
    [
        new("tenant_id", "", r => r.TenantId),
        new("tenant_name", "", r => r.Metrics.TenantName),
        new("category", "", r => r.Metrics.Category),
        new("floor", "", r => r.Metrics.Floor),
        new("unit_id", "", r => r.Metrics.UnitId),
        new("score", "0.0", r => r.Score.Total),
        .. Model.Scoring.TenantScore.PillarNames.Select(p =>
            new Column(p + "_score", "0.0", r => r.Score.Pillars.FirstOrDefault(x => x.Name == p)?.Score)),
        new("sales_density", "#,##0.00", r => r.Metrics.SalesDensity),
        new("sales_density_peer_median", "#,##0.00", r => r.Score.Frame.SalesDensityPeerMedian),
        new("density_ratio", "0.00", r => r.Score.Frame.DensityRatio),
        new("yoy", "0.0%", r => r.Metrics.Yoy),
        new("ocr_ttm", "0.0%", r => r.Metrics.OcrTtm),
        new("arrears", "#,##0.00", r => r.Metrics.Arrears),
        new("arrears_days", "0", r => r.Metrics.ArrearsDays),
        new("flags", "", r => string.Join(";", r.Flags.Select(f => f.Code))),
        new("lease_end", "yyyy-mm-dd", r => r.Metrics.LeaseEnd),
    ];

    public static IReadOnlyList<string> Headers => Columns.Select(c => c.Key).ToList();

    public static byte[] Xlsx(IReadOnlyList<RankingRow> rows, string sheetName)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = Columns[c].Key;
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            for (var c = 0; c < Columns.Count; c++)
            {
                var cell = sheet.Cell(i + 2, c + 1);
                switch (Columns[c].Value(rows[i]))
                {
                    case null:
                        break;
                    case string s:
                        cell.SetValue(SpreadsheetText.Neutralise(s));
                        break;
                    case DateOnly d:
                        cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                        break;
                    case double d when double.IsFinite(d):
                        cell.SetValue(d);
                        break;
                    case decimal m:
                        cell.SetValue(m);
                        break;
                    case long n:
                        cell.SetValue(n);
                        break;
                }

                if (Columns[c].Format.Length > 0)
                {
                    cell.Style.NumberFormat.Format = Columns[c].Format;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        // Fixed widths: measuring text (AdjustToContents) needs System.Drawing, which .NET does not offer on Linux.
        sheet.Columns(1, Columns.Count).Width = 14;
        sheet.Column(2).Width = 28;
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Csv(IReadOnlyList<RankingRow> rows)
    {
        var table = new ExportTable(Headers);
        foreach (var row in rows)
        {
            table.Add(Columns.Select(c => c.Value(row)).ToArray()); // ExportTable neutralises text cells (SpreadsheetText)
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        table.Write(writer, "csv");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }
}
