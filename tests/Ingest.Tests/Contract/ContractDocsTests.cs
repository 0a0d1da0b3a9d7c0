using Analytics.Ingest.Contract;
using Analytics.Ingest.Tests.Support;
using FluentAssertions;

namespace Analytics.Ingest.Tests.Contract;

/// <summary>docs/data-contract.md is the contract in prose; its Chinese header table must be the loader's own list.</summary>
public sealed class ContractDocsTests
{
    [Fact]
    public void ChineseHeaders_DocTable_IsExactlyTheContractsHeaders()
    {
        var doc = File.ReadAllLines(RepositoryRoot.Combine("docs", "data-contract.md"));
        var start = Array.IndexOf(doc, "## Chinese headers");
        start.Should().BeGreaterThan(0, "the page has a Chinese headers section");
        var documented = doc.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| column ", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(c => (Column: c[1].Split(' ')[0], Simplified: c[2], Traditional: c[3]))
            .ToHashSet();

        var contract = DataContract.Datasets.SelectMany(d => d.Columns)
            .Where(c => c.Simplified is not null)
            .Select(c => (Column: c.Name, Simplified: c.Simplified!, Traditional: c.Traditional!))
            .ToHashSet();

        documented.Should().BeEquivalentTo(contract);
    }
}
