using System.Text;
using System.Text.RegularExpressions;
using Analytics.Reports.Language;
using Analytics.Reports.Tests.Support;

namespace Analytics.Reports.Tests.Documents;

// Every fixed text of a brief lives in the labels tables (reports/Language/Labels*.cs), looked up by a name: the
// briefs' source (reports/Briefs) holds no Chinese or full-width text outside comments, and chooses no literal by
// language. The names of codes (Terms.cs) are the one table kept there; number and date formats are ReportLanguage's.
public sealed partial class BriefTextTests
{
    private static readonly string Briefs = RepositoryRoot.Combine("reports", "Briefs");

    [Fact]
    public void BriefSources_HoldNoInlineTextOfEitherLanguage()
    {
        var files = Directory.GetFiles(Briefs, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "Terms.cs").Order(StringComparer.Ordinal).ToList();
        files.Should().HaveCountGreaterThan(30, "the scan reads the briefs and their sections");
        var findings = files.SelectMany(f => InlineTexts(File.ReadAllText(f)).Select(x => $"{Path.GetRelativePath(Briefs, f)}:{x.Line}: {x.Text}")).ToList();
        findings.Should().BeEmpty("a brief's fixed texts go in the labels tables (reports/Language/Labels*.cs)");
    }

    [Fact]
    public void InlineTexts_FindsABilingualPairAndALanguageChoice_ButNotComments()
    {
        // The scan itself: it must find what the test above forbids, and pass what it allows.
        InlineTexts("content.Paragraph(T(\"None.\", \"无。\"));").Should().ContainSingle().Which.Line.Should().Be(1);
        InlineTexts("var s = x;\nvar sep = Language.IsChinese ? \"; \" : \"; \";").Should().ContainSingle().Which.Line.Should().Be(2);
        InlineTexts("var a = $\"{n}天\"; // 天\nvar b = \"，\";").Select(x => x.Line).Should().Equal(1, 2);
        InlineTexts("/// <summary>三、业态表现</summary>\n// 营业竞赛\n/* 商场 */ var url = \"http://x\"; var n = Label(\"none\");").Should().BeEmpty();
    }

    [Fact]
    public void EveryLabelUsedByTheReports_Exists_AndEveryLabelIsUsed()
    {
        var reports = RepositoryRoot.Combine("reports");
        var sources = Directory.GetFiles(reports, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("Labels", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var used = sources.SelectMany(s => LabelCall().Matches(s).Select(m => m.Groups["key"].Value)).ToHashSet(StringComparer.Ordinal);
        used.Should().HaveCountGreaterThan(150);
        used.Except(Labels.Keys).Should().BeEmpty("every key a report asks for is in the labels tables");
        // A key is used when its name appears quoted in a report's source (some are passed on: NoData(content, ok, "data_rent")).
        var quoted = sources.SelectMany(s => QuotedKey().Matches(s).Select(m => m.Groups["key"].Value)).ToHashSet(StringComparer.Ordinal);
        Labels.Keys.Except(quoted).Should().BeEmpty("a label no report prints is dead text for translators");
    }

    [GeneratedRegex(@"(?:Label|None\(content,)\s*\(?\s*""(?<key>[a-z0-9_]+)""")]
    private static partial Regex LabelCall();

    [GeneratedRegex(@"""(?<key>[a-z][a-z0-9_]*)""")]
    private static partial Regex QuotedKey();

    [GeneratedRegex(@"IsChinese\s*\?\s*[$@]*""")]
    private static partial Regex LanguageChoice();

    /// <summary>
    /// Lines of C# code (comments left out) with a Chinese or full-width character, or a literal chosen by language.
    /// A small scanner: strings are skipped over only so that "//" inside one does not start a comment.
    /// </summary>
    internal static List<(int Line, string Text)> InlineTexts(string source)
    {
        var code = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                    i++;
            }
            else if (c == '/' && next == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? source.Length : end + 2;
                code.Append('\n', source[i..stop].Count(ch => ch == '\n'));
                i = stop;
            }
            else if (c == '"')
            {
                var verbatim = i > 0 && (source[i - 1] == '@' || (i > 1 && source[i - 2] == '@'));
                code.Append(c);
                i++;
                while (i < source.Length)
                {
                    if (!verbatim && source[i] == '\\' && i + 1 < source.Length)
                    {
                        code.Append(source, i, 2);
                        i += 2;
                        continue;
                    }
                    code.Append(source[i]);
                    i++;
                    if (source[i - 1] == '"')
                        break;
                }
            }
            else
            {
                code.Append(c);
                i++;
            }
        }
        return code.ToString().Split('\n').Select((text, n) => (Line: n + 1, Text: text.Trim()))
            .Where(l => l.Text.Any(IsCjk) || LanguageChoice().IsMatch(l.Text)).ToList();
    }

    // CJK radicals, punctuation (、。「」), kana, ideographs and compatibility forms (㎡); full-width forms (，：（）).
    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
