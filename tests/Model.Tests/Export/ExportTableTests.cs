using System.Text;
using Analytics.Model.Export;

namespace Analytics.Model.Tests.Export;

public sealed class ExportTableTests
{
    private static ExportTable Sample()
    {
        var table = new ExportTable(["tenant_id", "tenant_name", "ratio", "amount", "count", "empty"]);
        table.Add(["T1", "蜀香, \"生鲜\"", 0.123456, 1234.50m, 7L, null]);
        return table;
    }

    private static string Write(ExportTable table, string format)
    {
        using var writer = new StringWriter();
        table.Write(writer, format);
        return writer.ToString();
    }

    [Fact]
    public void Write_Csv_StartsWithBomQuotesAndLeavesNullEmpty()
    {
        var csv = Write(Sample(), "csv");

        csv[0].Should().Be('\uFEFF', "Excel needs the BOM to read UTF-8 Chinese names");
        csv[1..].Should().Be("tenant_id,tenant_name,ratio,amount,count,empty\r\nT1,\"蜀香, \"\"生鲜\"\"\",0.1235,1234.50,7,\r\n");
    }

    [Fact]
    public void Write_Csv_NeutralisesTextThatExcelWouldEvaluateButNotNumbers()
    {
        var table = new ExportTable(["tenant_name", "change", "note"]);
        table.Add(["=HYPERLINK(\"http://x\",\"y\")", -3.5, "@SUM(A1)"]);
        table.Add(["+1+2", -12.25m, "-5"]);

        var csv = Write(table, "csv");

        csv[1..].Should().Be("tenant_name,change,note\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3.5,'@SUM(A1)\r\n'+1+2,-12.25,-5\r\n");
        Write(table, "json").Should().Contain("\"tenant_name\": \"=HYPERLINK(", "only spreadsheets need the quote; JSON keeps the value");
    }

    [Fact]
    public void Write_Json_KeepsChineseUnescapedAndNumbersAsNumbers()
    {
        var json = Write(Sample(), "json");

        json.Should().Contain("\"tenant_name\": \"蜀香, \\\"生鲜\\\"\"").And.Contain("\"ratio\": 0.1235").And.Contain("\"empty\": null").And.Contain("\"amount\": 1234.50");
    }

    [Fact]
    public void Write_Table_AlignsWideCharactersByDisplayWidth()
    {
        var table = new ExportTable(["name", "n"]);
        table.Add(["商户", 1L]);
        table.Add(["abcd", 22L]);

        var lines = Write(table, "table").Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        lines[1].Should().Be("商户  1", "two CJK characters take the width of four letters");
        lines[2].Should().Be("abcd  22");
    }

    [Fact]
    public void ParseFormat_Unknown_IsAUserError()
    {
        var act = () => ExportTable.ParseFormat("xml");

        act.Should().Throw<Analytics.Ingest.UserError>().WithMessage("*csv, json, table*");
    }

    [Fact]
    public void Write_CsvToUtf8Stream_BytesStartWithUtf8Bom()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            Sample().Write(writer, "csv");
        }

        stream.ToArray()[..3].Should().Equal(0xEF, 0xBB, 0xBF);
    }
}
