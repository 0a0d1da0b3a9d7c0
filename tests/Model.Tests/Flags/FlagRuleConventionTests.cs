using System.Text.RegularExpressions;
using Analytics.Model.Flags;
using Analytics.Model.Tests.Support;

namespace Analytics.Model.Tests.Flags;

// Every flag is one FlagRule: this fails when a flag lacks what readers of it need (a name in both languages, a
// sentence for each reason it gives, its list title in the monthly brief, its row in docs/analysis.md).
public sealed class FlagRuleConventionTests
{
    public static TheoryData<string> Codes() => new(FlagRules.All.Select(r => r.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryFlag_HasNamesReasonsBriefTitleAndDocs(string code)
    {
        var rule = FlagRules.Find(code)!;
        rule.Code.Should().MatchRegex("^[a-z][a-z_]*$");
        rule.Name.En.Should().NotBeNullOrWhiteSpace("{0} needs an English name", code);
        rule.Name.Zh.Should().NotBeNullOrWhiteSpace("{0} needs a Chinese name", code);
        rule.ListTitle.En.Should().NotBeNullOrWhiteSpace("{0} needs its list title in the monthly brief", code);
        rule.ListTitle.Zh.Should().NotBeNullOrWhiteSpace("{0} needs its list title in the monthly brief", code);
        if (rule.BriefCount is { } count)
        {
            count.En.Should().Contain("{0}", "the brief sentence of {0} carries the count", code);
            count.Zh.Should().Contain("{0}", "the brief sentence of {0} carries the count", code);
        }

        rule.Reasons.Should().NotBeEmpty("{0} must say why it fires", code);
        foreach (var (reason, text) in rule.Reasons)
        {
            text.En.Should().NotBeNullOrWhiteSpace("reason {0} of {1} needs an English sentence", reason, code);
            text.Zh.Should().NotBeNullOrWhiteSpace("reason {0} of {1} needs a Chinese sentence", reason, code);
            Placeholders(text.En).Should().BeEquivalentTo(Placeholders(text.Zh), "both sentences of {0} carry the same figures", reason);
        }

        DocsRows().Should().Contain(code, "docs/analysis.md (\"Flags\") must describe {0}", code);
    }

    [Fact]
    public void EveryReasonAFlagGives_HasASentence()
    {
        // The reasons the built scenarios and the sample raise are rendered in both languages; a code without a
        // template throws. Every code any rule declares is known to the renderer.
        FlagRules.All.SelectMany(r => r.Reasons.Keys).Should().OnlyHaveUniqueItems().And.BeSubsetOf(ReasonText.Codes);
        FlagCodes.All.Should().Equal(FlagRules.All.Select(r => r.Code), "the listing order is the rules' order");
    }

    private static IEnumerable<string> Placeholders(string template) =>
        Regex.Matches(template, @"\{(\w+)").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

    /// <summary>The flag codes of the rows of the table in docs/analysis.md, section "Flags" (<c>| `code` | ...</c>).</summary>
    private static HashSet<string> DocsRows()
    {
        var docs = Path.Combine(Path.GetDirectoryName(PlantedMall.CommittedSamples())!, "docs", "analysis.md");
        var text = File.ReadAllText(docs);
        var flags = text[text.IndexOf("## 5. Flags", StringComparison.Ordinal)..];
        flags = flags[..flags.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return Regex.Matches(flags, @"^\| `([a-z_]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }
}
