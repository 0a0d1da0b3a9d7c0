using Analytics.Model.Metrics;
using Analytics.Reports.Data;
using Analytics.Reports.Layout;

namespace Analytics.Reports.Briefs.Merchant;

/// <summary>Concrete next steps, most pressing first.</summary>
internal sealed class SuggestionsSection(MerchantSheet brief) : MerchantSection(brief)
{
    public override string Title => Label("merchant_suggestions");

    public override void Compose(ContentBuilder content)
    {
        content.Bullets(Suggestions().Take(Settings.MerchantSuggestions).ToArray());
    }

    /// <summary>Concrete next steps, most pressing first: money owed, then the weakest pillars, then what is going well.</summary>
    internal IEnumerable<string> Suggestions()
    {
        if (M.Arrears > 0 && M.ArrearsDays > 0)
        {
            yield return Label("merchant_suggest_arrears", Money(M.Arrears), M.ArrearsDays);
        }
        foreach (var p in Score.Pillars.Where(p => p.Score is { } s && s < Settings.WeakPillarScore).OrderBy(p => p.Score))
        {
            var text = p.Name switch
            {
                "productivity" when p.PeerMedian is null => Label("merchant_suggest_productivity_unit"),
                "productivity" => Label("merchant_suggest_productivity"),
                "trend" => Label("merchant_suggest_trend"),
                "affordability" => Label("merchant_suggest_affordability"),
                "payment" => Label("merchant_suggest_payment"),
                "customer" => Label("merchant_suggest_customer"),
                "compliance" => Label("merchant_suggest_compliance"),
                _ => null,
            };
            if (text is not null)
                yield return text;
        }
        if (Score.Pillars.FirstOrDefault(p => p.Name == "productivity") is { Score: >= 80 })
        {
            yield return Label("merchant_suggest_keep_range");
        }
        var next = Data.Period.AddMonths(1);
        yield return Label("merchant_suggest_promotions", Language.Month(next.Year, next.Number));
        yield return Label("merchant_suggest_report_sales");
    }
}
