using System.Text;
using Analytics.Reports.Layout;
using Analytics.Reports.Tests.Support;
using SkiaSharp;

namespace Analytics.Reports.Tests.Layout;

public sealed class TextWrapperTests : IDisposable
{
    private const string ClosingMarks = "，。、；：！？）》」%";
    private const string OpeningMarks = "（《「";

    // The report face at 10 pt: every ideograph and full-width mark advances exactly one em (10 pt).
    private readonly SKFont font = new(TestReports.Fonts.Regular, 10) { Subpixel = true, Hinting = SKFontHinting.None };

    public void Dispose() => font.Dispose();

    private string[] Wrap(string text, float width) => TextWrapper.Wrap(text, font, width).Select(l => l.Text).ToArray();

    [Fact]
    public void Wrap_ChineseWithoutSpaces_BreaksBetweenAnyTwoCharacters()
    {
        Wrap("一二三四五六七八九十", 45).Should().Equal("一二三四", "五六七八", "九十");
    }

    [Fact]
    public void Wrap_ClosingPunctuationAtBreak_MovesWithThePreviousCharacter()
    {
        // A plain break after four characters would start the second line with "，".
        Wrap("一二三四，五六七", 45).Should().Equal("一二三", "四，五六", "七");
    }

    [Fact]
    public void Wrap_OpeningPunctuationAtBreak_MovesToTheNextLine()
    {
        // A plain break after four characters would end the first line with "（".
        Wrap("一二三（四五六", 45).Should().Equal("一二三", "（四五六");
    }

    [Theory]
    [InlineData("，")]
    [InlineData("。")]
    [InlineData("、")]
    [InlineData("；")]
    [InlineData("：")]
    [InlineData("！")]
    [InlineData("？")]
    [InlineData("）")]
    [InlineData("》")]
    [InlineData("」")]
    [InlineData("%")]
    public void Wrap_EachClosingMark_NeverStartsALine(string mark)
    {
        var lines = Wrap("一二三四" + mark + "五六七八" + mark + "九十", 45);
        lines.Skip(1).Should().OnlyContain(l => !l.StartsWith(mark, StringComparison.Ordinal));
        string.Concat(lines).Should().Be("一二三四" + mark + "五六七八" + mark + "九十");
    }

    [Fact]
    public void Wrap_LatinText_BreaksAtSpacesAndDropsThemAtLineEnds()
    {
        var width = font.MeasureText("gamma delta") + 1;
        font.MeasureText("alpha beta gamma").Should().BeGreaterThan(width);
        Wrap("alpha beta gamma delta", width).Should().Equal("alpha beta", "gamma delta");
    }

    [Fact]
    public void Wrap_WordLongerThanTheLine_IsCutBetweenCharacters()
    {
        const string word = "Supercalifragilisticexpialidocious";
        var width = font.MeasureText("Supercal") + 0.5f;
        var lines = TextWrapper.Wrap("a " + word + " b", font, width);
        lines.Should().OnlyContain(l => l.Width <= width);
        string.Concat(lines.Skip(1).Take(lines.Count - 2).Select(l => l.Text)).Should().Be(word);
        lines[0].Text.Should().Be("a");
        lines[^1].Text.Should().Be("b");
    }

    [Fact]
    public void Wrap_LatinInsideChinese_BreaksAtScriptBoundariesButNotInsideWords()
    {
        var lines = Wrap("本月Starbucks销售额增长4.5%，Heytea持平", 70);
        lines.Should().OnlyContain(l => !l.StartsWith('%') && !l.StartsWith('，'));
        lines.Should().Contain(l => l.Contains("Starbucks", StringComparison.Ordinal)); // words are not split
        lines.Should().Contain(l => l.Contains("Heytea", StringComparison.Ordinal));
        lines.Should().HaveCountGreaterThan(2);
        string.Concat(lines).Should().Be("本月Starbucks销售额增长4.5%，Heytea持平");
    }

    [Fact]
    public void Wrap_HardLineBreak_StartsANewLine()
    {
        Wrap("first line\nsecond", 500).Should().Equal("first line", "second");
    }

    [Fact]
    public void Wrap_LineWidths_MatchTheFontsMeasurement()
    {
        foreach (var line in TextWrapper.Wrap("Occupancy cost ratio 租售比 of the food court", font, 90))
            line.Width.Should().BeApproximately(font.MeasureText(line.Text), 0.01f);
    }

    [Fact]
    public void Wrap_RandomMixedText_KeepsEveryCharacterAndAllRules()
    {
        // Many random mixes of Chinese, Latin words, spaces and marks at several widths: nothing is lost or
        // reordered, no line is too wide, no closing mark starts a line and no opening mark ends one.
        const string hanzi = "商户销售额坪效租售比月戶星巴克咖啡海底捞";
        const string marks = ClosingMarks + OpeningMarks;
        string[] words = ["Mall", "sales", "12.5%", "Starbucks", "a", "occupancy"];
        var random = new Random(7);
        for (var sample = 0; sample < 300; sample++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(5, 80); i > 0; i--)
            {
                var roll = random.Next(10);
                if (roll == 0)
                    text.Append(' ').Append(words[random.Next(words.Length)]).Append(' ');
                else if (roll <= 2)
                    text.Append(marks[random.Next(marks.Length)]);
                else
                    text.Append(hanzi[random.Next(hanzi.Length)]);
            }
            var source = text.ToString().Trim();
            var width = 100 + random.Next(0, 200);
            var lines = TextWrapper.Wrap(source, font, width);

            string.Concat(lines.Select(l => l.Text)).Replace(" ", "", StringComparison.Ordinal)
                .Should().Be(source.Replace(" ", "", StringComparison.Ordinal), "text {0} at width {1}", source, width);
            lines.Should().OnlyContain(l => l.Width <= width, "text {0} at width {1}", source, width);
            foreach (var line in lines.Skip(1).Where(l => l.Text.Length > 0))
                ClosingMarks.Should().NotContain(line.Text[0].ToString(), "line '{0}' of '{1}' at {2}", line.Text, source, width);
            foreach (var line in lines.Take(lines.Count - 1).Where(l => l.Text.Length > 0))
                OpeningMarks.Should().NotContain(line.Text[^1].ToString(), "line '{0}' of '{1}' at {2}", line.Text, source, width);
        }
    }
}
