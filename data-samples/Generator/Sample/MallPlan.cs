using Analytics.SampleData.Common;

namespace Analytics.SampleData.Sample;

/// <summary>
/// The sample mall: its units and every tenant that traded in them during the 36 months, each with the story
/// (ordinary, or one of the planted situations) that the books turn into rows.
/// </summary>
internal sealed class MallPlan
{
    public required IReadOnlyList<Unit> Units { get; init; }
    public required IReadOnlyList<TenantPlan> Tenants { get; init; }

    public static MallPlan Build(int seed, SampleMix? mix = null) => new MallPlanner(seed, mix ?? SampleMix.Default).Build();
}

/// <summary>Lays out the units, lets them, and plants the situations the analysis layer must recognise.</summary>
internal sealed class MallPlanner(int seed, SampleMix mix)
{
    private static readonly DateOnly D = SampleCalendar.End;
    private static readonly string[] Zones = ["A", "B", "C", "D"];
    private static readonly (string Floor, int Units)[] Floors = [("B1", 36), ("1F", 40), ("2F", 44), ("3F", 40), ("4F", 38)];

    /// <summary>Successors may not open after this day unless planted as new tenants, so "new" means planted.</summary>
    private static readonly DateOnly LastOrdinaryOpening = new(2026, 4, 30);

    /// <summary>Share of units let on D (the brief: about 90-95 %).</summary>
    private const double TargetOccupancy = 0.93;

    private readonly Random rng = Seeds.For(seed, "plan");
    private readonly Names names = new(Seeds.For(seed, "names"));
    private readonly List<TenantPlan> tenants = [];
    private readonly List<(Unit Unit, DateOnly FreeFrom, bool PlantedNew)> vacated = [];

    public MallPlan Build()
    {
        var units = LayoutUnits();
        var roles = AssignRoles(units);
        for (var i = 0; i < units.Count; i++)
        {
            if (roles[i].Role != "always_vacant")
            {
                LetInitially(units[i], roles[i].Role, roles[i].Index);
            }
        }
        // Successors get later ids than the first generation, ordered by when they open, as a lease system numbers them.
        var successors = new List<(Unit Unit, DateOnly Start, bool PlantedNew)>();
        var unlet = new List<(Unit Unit, DateOnly FreeFrom)>();
        foreach (var (unit, freeFrom, plantedNew) in vacated)
        {
            DateOnly start;
            if (plantedNew)
            {
                start = AlignToLeaseDay(rng.DateBetween(new DateOnly(2026, 5, 12), new DateOnly(2026, 7, 28)));
            }
            else
            {
                start = AlignToLeaseDay(freeFrom.AddDays(rng.Between(45, 150)));
                if (start > LastOrdinaryOpening)
                {
                    unlet.Add((unit, freeFrom)); // still being re-let on D: part of the vacancy
                    continue;
                }
            }
            successors.Add((unit, start, plantedNew));
        }
        BalanceVacancy(units.Count, successors, unlet);
        foreach (var (unit, start, plantedNew) in successors.OrderBy(s => s.Start).ThenBy(s => s.Unit.UnitId, StringComparer.Ordinal))
        {
            LetToSuccessor(unit, start, plantedNew);
        }
        foreach (var t in tenants.Where(t => t.Situation != "ordinary"))
        {
            t.TrendPerYear = 0; // a planted story shows only its own script, no drift of its own on top
        }
        return new MallPlan { Units = units, Tenants = tenants };
    }

    /// <summary>
    /// Holds occupancy on D at <see cref="TargetOccupancy"/> whatever the draws: the latest ordinary re-lettings are
    /// left pending, or units still being re-let get a tenant (after a short fit-out) that opened by April 2026.
    /// </summary>
    private void BalanceVacancy(int unitCount, List<(Unit Unit, DateOnly Start, bool PlantedNew)> successors, List<(Unit Unit, DateOnly FreeFrom)> unlet)
    {
        var target = (int)Math.Round(TargetOccupancy * unitCount);
        var occupied = tenants.Count(t => t.LastDay >= D) + successors.Count;
        while (occupied > target)
        {
            var latest = successors.Where(s => !s.PlantedNew).OrderByDescending(s => s.Start).ThenBy(s => s.Unit.UnitId, StringComparer.Ordinal).FirstOrDefault();
            if (latest.Unit is null)
            {
                break;
            }
            successors.Remove(latest);
            occupied--;
        }
        foreach (var (unit, freeFrom) in unlet.OrderBy(u => u.FreeFrom).ThenBy(u => u.Unit.UnitId, StringComparer.Ordinal))
        {
            var start = new DateOnly(freeFrom.AddDays(30).Year, freeFrom.AddDays(30).Month, 1).AddMonths(1);
            if (occupied >= target || start > LastOrdinaryOpening)
            {
                break;
            }
            successors.Add((unit, start, false));
            occupied++;
        }
    }

    private List<Unit> LayoutUnits()
    {
        var units = new List<Unit>();
        foreach (var (floor, count) in Floors)
        {
            var categories = FloorCategories(floor, count);
            var perZone = new int[Zones.Length];
            for (var i = 0; i < count; i++)
            {
                var zone = i % Zones.Length;
                perZone[zone]++;
                var category = CategoryProfile.Of(categories[i]);
                var area = categories[i] == "entertainment" && floor == "4F" && perZone[zone] == 1 && zone == 0
                    ? rng.Uniform(1500, 1800) // the cinema
                    : categories[i] == "entertainment" ? rng.Uniform(category.AreaLow, 800) : rng.Uniform(category.AreaLow, category.AreaHigh);
                units.Add(new Unit(FormattableString.Invariant($"{floor}-{Zones[zone]}{perZone[zone]:00}"), floor, Zones[zone], Format.Round2(area), categories[i]));
            }
        }
        return units;
    }

    /// <summary>
    /// Exact counts per floor from the zoning weights (largest remainder), then shuffled, so every seed has the same
    /// trade mix and enough peers for each planted situation.
    /// </summary>
    private List<string> FloorCategories(string floor, int count)
    {
        var list = new List<string>();
        var slots = count;
        if (floor == "B1")
        {
            list.Add("supermarket");
            slots--;
        }
        if (floor == "4F")
        {
            list.Add("entertainment"); // the cinema, kept first so it is unit 4F-A01
            slots--;
        }
        var mix = CategoryProfile.FloorMix(floor);
        var exact = mix.Select(m => (m.Category, Share: m.Weight * slots)).ToList();
        var counts = exact.Select(e => (e.Category, N: (int)Math.Floor(e.Share), Remainder: e.Share - Math.Floor(e.Share))).ToList();
        var missing = slots - counts.Sum(c => c.N);
        foreach (var c in counts.OrderByDescending(c => c.Remainder).ThenBy(c => c.Category, StringComparer.Ordinal).Take(missing).ToList())
        {
            var at = counts.IndexOf(c);
            counts[at] = (c.Category, c.N + 1, 0);
        }
        var rest = counts.SelectMany(c => Enumerable.Repeat(c.Category, c.N)).ToList();
        Shuffle(rest);
        list.AddRange(rest);
        return list;
    }

    private void Shuffle<T>(List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private (string Role, int Index)[] AssignRoles(List<Unit> units)
    {
        var roles = new (string Role, int Index)[units.Count];
        for (var i = 0; i < roles.Length; i++)
        {
            roles[i] = ("ordinary", 0);
        }
        void Take(string role, params string[] categorySpecs)
        {
            for (var k = 0; k < categorySpecs.Length; k++)
            {
                // A spec is "category" or "category@floor".
                var parts = categorySpecs[k].Split('@');
                var candidates = Enumerable.Range(0, units.Count)
                    .Where(i => roles[i].Role == "ordinary" && units[i].Category == parts[0] && (parts.Length == 1 || units[i].Floor == parts[1]))
                    .ToList();
                if (candidates.Count == 0)
                {
                    // Few units of that trade left: any ordinary shop will do for a history role.
                    candidates = Enumerable.Range(0, units.Count)
                        .Where(i => roles[i].Role == "ordinary" && units[i].Category is not ("supermarket" or "entertainment"))
                        .ToList();
                }
                var chosen = candidates[rng.Next(candidates.Count)];
                roles[chosen] = (role, k);
            }
        }
        Take("replace", SampleMix.Specs(mix.Replace, "fashion", "f&b", "beauty", "services", "fashion@2F"));
        Take("rent_relief", SampleMix.Specs(mix.RentRelief, "f&b@B1", "fashion@2F", "sports@3F", "services@4F"));
        // Trades whose rent is the floor's usual, so "half the floor's rent" is not just a cheap trade.
        Take("rent_review_up", SampleMix.Specs(mix.RentReviewUp, "fashion@1F", "fashion@2F", "f&b@4F", "f&b@B1"));
        Take("improvement_plan", SampleMix.Specs(mix.ImprovementPlan, "f&b", "fashion", "services", "kids"));
        Take("sales_audit", SampleMix.Specs(mix.SalesAudit, "f&b", "fashion", "beauty"));
        Take("watch", SampleMix.Specs(mix.Watch, "fashion", "f&b", "home"));
        Take("control_seasonal", "kids", "kids", "kids");
        Take("control_one_bad_month", "fashion", "f&b");
        Take("control_new_tenant", "f&b", "fashion", "beauty", "services");
        var ordinaryShops = new[] { "f&b", "fashion", "beauty", "kids", "sports", "home", "services", "jewelry", "electronics" };
        Take("past_exit", Enumerable.Range(0, 24).Select(_ => rng.Pick(ordinaryShops)).ToArray());
        Take("past_arrears", Enumerable.Range(0, 8).Select(_ => rng.Pick(new[] { "f&b", "fashion", "services", "kids", "home" })).ToArray());
        Take("always_vacant", "services", "home", "fashion", "f&b", "kids");
        // Drawn last, so a mix without them leaves every other draw (and the committed sample) unchanged.
        Take("control_busy", SampleMix.Specs(mix.Busy, "f&b@4F", "f&b@B1", "f&b"));
        return roles;
    }

    private TenantPlan NewTenant(Unit unit, string category)
    {
        var profile = CategoryProfile.Of(category);
        var (name, brand) = names.Next(category);
        var t = new TenantPlan
        {
            TenantId = FormattableString.Invariant($"T{tenants.Count + 1:0000}"),
            Name = name,
            Brand = brand,
            Category = profile,
            Unit = unit,
        };
        tenants.Add(t);
        // Ordinary by default; planted roles override below.
        t.Quality = Math.Clamp(rng.LogNormal(0.22), 0.72, 1.45);
        t.TrendPerYear = rng.Normal() * 0.04;
        t.Ticket = profile.Ticket * rng.LogNormal(0.15);
        t.ComplaintsPerMonth = rng.Uniform(0.03, 0.10) * profile.ComplaintFactor;
        t.FindingsPerMonth = rng.Uniform(0.05, 0.20);
        t.SometimesLate = rng.Chance(0.2);
        t.ReportsTransactions = !rng.Chance(0.04);
        return t;
    }

    private decimal TurnoverRate(CategoryProfile c, bool? force = null)
    {
        var has = force ?? rng.Chance(c.TurnoverClauseShare);
        return has ? (decimal)(Math.Round(rng.Uniform(c.TurnoverRateLow, c.TurnoverRateHigh) * 2) / 2) : 0m;
    }

    /// <summary>Rent as the leasing team prices it: on the category norm for the floor, not on the tenant's later results.</summary>
    private decimal NormalBaseRent(TenantPlan t, decimal turnoverRatePct)
    {
        var norm = t.NormalMonthlySales();
        var rent = turnoverRatePct > 0
            ? (double)turnoverRatePct / 100 * norm * rng.Uniform(0.75, 0.95) // guaranteed minimum below the expected turnover rent
            : t.Category.TargetOcr * norm * rng.LogNormal(0.08);
        return Math.Round((decimal)rent);
    }

    private decimal ServiceCharge(TenantPlan t)
    {
        var perSqm = t.Category.Name is "supermarket" or "entertainment" ? rng.Uniform(12, 20) : rng.Uniform(35, 50); // anchors pay less per sqm
        return Format.Round2((double)t.Unit.AreaSqm * perSqm);
    }

    private LeasePlan Lease(TenantPlan t, DateOnly start, int years, decimal baseRent, decimal rate) => new()
    {
        Start = start,
        End = start.AddYears(years).AddDays(-1),
        BaseRent = baseRent,
        TurnoverRatePct = rate,
        ServiceCharge = ServiceCharge(t),
    };

    /// <summary>Renews until the lease in force covers D, or lets the tenant go at expiry (returns the day the unit is free).</summary>
    private DateOnly? Renew(TenantPlan t, double renewChance)
    {
        while (t.Leases[^1].End < D)
        {
            if (!rng.Chance(renewChance))
            {
                return t.Leases[^1].End.AddDays(1);
            }
            var prev = t.Leases[^1];
            var years = rng.Pick(new[] { 3, 3, 4, 5 });
            t.Leases.Add(new LeasePlan
            {
                Start = prev.End.AddDays(1),
                End = prev.End.AddDays(1).AddYears(years).AddDays(-1),
                BaseRent = Math.Round(prev.BaseRent * (decimal)rng.Uniform(1.03, 1.08)),
                TurnoverRatePct = prev.TurnoverRatePct,
                ServiceCharge = prev.ServiceCharge,
            });
        }
        return null;
    }

    private DateOnly FirstLeaseStart(int years)
    {
        // In force on the first data day (plus a month), signed no earlier than 2018.
        var earliest = new DateOnly(2018, 1, 1);
        var coverFrom = SampleCalendar.Start.AddMonths(1).AddYears(-years);
        var from = coverFrom > earliest ? coverFrom : earliest;
        return AlignToLeaseDay(rng.DateBetween(from, new DateOnly(2023, 10, 1)));
    }

    /// <summary>Leases start on the 1st, sometimes on the 16th.</summary>
    private DateOnly AlignToLeaseDay(DateOnly d) =>
        rng.Chance(0.8) ? new DateOnly(d.Year, d.Month, 1) : new DateOnly(d.Year, d.Month, 16);

    private static DateOnly MonthEndAfter(int months) => SampleCalendar.MonthEnd(D.AddMonths(months));

    private void LetInitially(Unit unit, string role, int k)
    {
        var t = NewTenant(unit, unit.Category);
        switch (role)
        {
            case "replace":
                PlantReplace(t, k);
                break;
            case "rent_relief":
                PlantRentRelief(t);
                break;
            case "rent_review_up":
                PlantRentReviewUp(t);
                break;
            case "improvement_plan":
                PlantImprovementPlan(t);
                break;
            case "sales_audit":
                PlantSalesAudit(t, k);
                break;
            case "watch":
                PlantWatch(t);
                break;
            case "control_seasonal":
                Steady(t, renew: true);
                t.Situation = "control_seasonal";
                t.Note = "kids category in its low season after the summer peak: Sep-Oct sales well below Jul-Aug, in line with peers and last year";
                break;
            case "control_busy":
                PlantBusy(t);
                break;
            case "control_one_bad_month":
                Steady(t, renew: true);
                var month = k == 0 ? new DateOnly(2026, 8, 1) : new DateOnly(2026, 9, 1);
                t.Sales = Curve.Step(month.AddDays(2), month.AddDays(25), 0.45);
                t.Situation = "control_one_bad_month";
                t.Note = $"shop refit: sales -55 % for most of {Format.Period(month)}, then back to normal";
                break;
            case "past_exit":
                PlantPastExit(t, unit, warningSigns: rng.Chance(0.88), plantedNew: false);
                break;
            case "control_new_tenant":
                PlantPastExit(t, unit, warningSigns: true, plantedNew: true);
                break;
            case "past_arrears":
                PlantPastArrears(t);
                break;
            default:
                var rate = TurnoverRate(t.Category);
                var years = rng.Pick(new (int, double)[] { (2, 0.1), (3, 0.4), (4, 0.2), (5, 0.2), (6, 0.1) });
                t.Leases.Add(Lease(t, FirstLeaseStart(years), years, NormalBaseRent(t, rate), rate));
                if (Renew(t, 0.8) is { } free)
                {
                    vacated.Add((unit, free, false));
                }
                break;
        }
    }

    /// <summary>A dependable ordinary operator with a normal lease (the base of most planted stories).</summary>
    private void Steady(TenantPlan t, bool renew, decimal? turnoverRate = null)
    {
        t.Quality = rng.Uniform(0.9, 1.1);
        t.SometimesLate = false;
        t.ReportsTransactions = true;
        var rate = turnoverRate ?? TurnoverRate(t.Category);
        var years = rng.Pick(new[] { 3, 4, 5 });
        t.Leases.Add(Lease(t, FirstLeaseStart(years), years, NormalBaseRent(t, rate), rate));
        if (renew)
        {
            Renew(t, 1.0);
        }
    }

    private void PlantReplace(TenantPlan t, int k)
    {
        // Relative to the category wherever the unit is: a weak shop on a strong floor is still weak.
        t.Quality = rng.Uniform(0.86, 0.95) / CategoryProfile.FloorFactor(t.Unit.Floor);
        t.SometimesLate = false;
        t.ReportsTransactions = true;
        var end = MonthEndAfter(rng.Between(4, 14));
        var rate = TurnoverRate(t.Category);
        t.Leases.Add(Lease(t, end.AddDays(1).AddYears(-5), 5, NormalBaseRent(t, rate), rate));
        // Slides from normal to half of it over a year and stays there.
        t.Sales = new Curve((new DateOnly(2025, 2, 1), 1.0), (new DateOnly(2026, 2, 1), 0.52), (D, 0.48));
        var unpaidFrom = k < 2 ? new DateOnly(2026, 6, 1) : new DateOnly(2026, 7, 1);
        t.PaymentRules.Add(new PaymentRule(unpaidFrom, new DateOnly(2026, 12, 31), DelayDays: null, SettleOn: null, PaidShare: k % 2 == 0 ? 0 : 0.3));
        t.PaymentRules.Add(new PaymentRule(new DateOnly(2026, 2, 1), unpaidFrom.AddDays(-1), DelayDays: rng.Between(12, 25), SettleOn: null));
        if (k % 2 == 0)
        {
            t.ComplaintBoosts.Add(new Boost(new DateOnly(2026, 5, 1), D, 2.5));
        }
        else
        {
            t.FindingBoosts.Add(new Boost(new DateOnly(2026, 4, 1), D, 2.2, ["early_close", "late_open", "closed_without_notice"]));
        }
        t.Situation = "replace";
        t.ExpectedFlag = "replace";
        t.Note = $"sales slide to ~half of the category norm from 2025-02; rent due from {Format.Period(unpaidFrom)} unpaid{(k % 2 == 0 ? "" : " (30 % paid)")}; "
            + $"{(k % 2 == 0 ? "complaints rising" : "patrol findings rising")}; lease ends {Format.Date(end)}";
    }

    private void PlantRentRelief(TenantPlan t)
    {
        t.Quality = rng.Uniform(mix.ReliefQualityLow, mix.ReliefQualityHigh) / CategoryProfile.FloorFactor(t.Unit.Floor);
        t.SometimesLate = false;
        t.ReportsTransactions = true;
        var start = AlignToLeaseDay(rng.DateBetween(new DateOnly(2023, 1, 1), new DateOnly(2023, 9, 1)));
        // Signed at the top of the market: occupancy cost at about 2.5 times what the category usually pays
        // (at least 30 % of sales), almost all of it fixed base rent.
        var service = ServiceCharge(t);
        var typical = t.Category.TargetOcr + ((double)service / t.NormalMonthlySales());
        var sales = t.NormalMonthlySales(t.Quality);
        var rent = Math.Round((decimal)((Math.Max(0.30, 2.5 * typical) * sales) - (double)service));
        var years = rng.Pick(new[] { 5, 6 });
        t.Leases.Add(new LeasePlan { Start = start, End = start.AddYears(years).AddDays(-1), BaseRent = rent, ServiceCharge = service });
        t.Situation = "rent_relief";
        t.ExpectedFlag = "rent_relief";
        t.Note = FormattableString.Invariant($"sells at or above the category median and always pays on time, but a high fixed base rent puts its OCR near {Math.Round(Math.Max(0.30, 2.5 * typical) * 100)} % against ~{Math.Round(typical * 100)} % for the category");
    }

    private void PlantBusy(TenantPlan t)
    {
        // A quick-service counter: a fifth of its trade's ticket, so five times the receipts and, at an ordinary
        // rate per customer, several complaints a month. From August a hit product doubles its customers and its
        // complaints with them: more complaints than before and than its peers, but not more per receipt.
        Steady(t, renew: true);
        t.Ticket *= 0.2;
        t.ComplaintsPerMonth = 1.0;
        var from = new DateOnly(2026, 8, 1);
        t.Sales = new Curve((from.AddDays(-1), 1.0), (from, 2.0));
        t.ComplaintBoosts.Add(new Boost(from, D, 1.2));
        t.Situation = "control_busy";
        t.Note = "five times the receipts of its peers; from 2026-08 twice the customers and complaints in proportion (same complaints per receipt)";
    }

    private void PlantRentReviewUp(TenantPlan t)
    {
        t.Quality = rng.Uniform(1.65, 1.9);
        t.SometimesLate = false;
        t.ReportsTransactions = true;
        var end = MonthEndAfter(rng.Between(2, 11));
        // An old deal from a weak market: half the rent the floor now asks for this trade.
        var rent = Math.Round((decimal)(0.45 * t.Category.TargetOcr * t.NormalMonthlySales()));
        t.Leases.Add(Lease(t, end.AddDays(1).AddYears(-6), 6, rent, 0m));
        t.Situation = "rent_review_up";
        t.ExpectedFlag = "rent_review_up";
        t.Note = $"top-quartile sales density in its category, base rent per sqm about half of the floor's norm, lease ends {Format.Date(end)}";
    }

    private void PlantImprovementPlan(TenantPlan t)
    {
        Steady(t, renew: true);
        var from = new DateOnly(2026, 8, 1);
        t.ComplaintBoosts.Add(new Boost(from, D, 4.0));
        t.FindingBoosts.Add(new Boost(from, D, 4.0, ["late_open", "early_close"]));
        t.Situation = "improvement_plan";
        t.ExpectedFlag = "improvement_plan";
        t.Note = "from 2026-08 about 4 complaints and 4 late-open/early-close findings a month (history: a few a year); sales steady";
    }

    private void PlantSalesAudit(TenantPlan t, int k)
    {
        var profile = t.Category;
        var rate = (decimal)profile.TurnoverRateHigh;
        Steady(t, renew: true, turnoverRate: rate);
        t.Quality = rng.Uniform(1.0, 1.12);
        // A low guaranteed minimum: normally most of the rent is turnover rent, which is what under-reporting saves.
        var first = t.Leases[0];
        t.Leases[0] = new LeasePlan
        {
            Start = first.Start,
            End = first.End,
            BaseRent = Math.Round((decimal)((double)rate / 100 * t.NormalMonthlySales() * 0.6)),
            TurnoverRatePct = rate,
            ServiceCharge = first.ServiceCharge,
        };
        for (var i = 1; i < t.Leases.Count; i++)
        {
            var l = t.Leases[i];
            t.Leases[i] = new LeasePlan
            {
                Start = l.Start, End = l.End, BaseRent = Math.Round(t.Leases[i - 1].BaseRent * 1.05m), TurnoverRatePct = rate, ServiceCharge = l.ServiceCharge,
            };
        }
        var from = k < 2 ? new DateOnly(2026, 8, 1) : new DateOnly(2026, 9, 1);
        var share = rng.Uniform(0.57, 0.66);
        t.Reported = new Curve((from.AddDays(-1), 1.0), (from, share));
        t.Situation = "sales_audit";
        t.ExpectedFlag = "sales_audit";
        t.Note = $"turnover clause {Format.Number((double)rate)} %; from {Format.Date(from)} reports only ~{Format.Number(Math.Round(share * 100))} % of its sales while its transactions, the footfall and its peers hold";
    }

    private void PlantWatch(TenantPlan t)
    {
        t.Quality = rng.Uniform(0.92, 1.05);
        t.SometimesLate = false;
        t.ReportsTransactions = true;
        var rate = TurnoverRate(t.Category);
        var start = AlignToLeaseDay(rng.DateBetween(new DateOnly(2022, 3, 1), new DateOnly(2023, 6, 1)));
        t.Leases.Add(Lease(t, start, 6, NormalBaseRent(t, rate), rate));
        t.Sales = new Curve((new DateOnly(2026, 6, 30), 1.0), (new DateOnly(2026, 10, 10), 0.82));
        t.PaymentRules.Add(new PaymentRule(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), DelayDays: 16, SettleOn: null));
        t.PaymentRules.Add(new PaymentRule(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), DelayDays: 24, SettleOn: null));
        t.PaymentRules.Add(new PaymentRule(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), DelayDays: null, SettleOn: null, PaidShare: 0));
        t.Situation = "watch";
        t.ExpectedFlag = "watch";
        t.Note = "sales sliding ~15 % since July; first late payments Aug and Sep, October rent unpaid (21 days on D); nothing else yet";
    }

    private void PlantPastExit(TenantPlan t, Unit unit, bool warningSigns, bool plantedNew)
    {
        var exit = plantedNew
            ? rng.DateBetween(new DateOnly(2025, 11, 1), new DateOnly(2026, 2, 15))
            : rng.DateBetween(new DateOnly(2024, 8, 15), new DateOnly(2026, 4, 30)); // nine months of history before each
        var rate = TurnoverRate(t.Category);
        var years = rng.Pick(new[] { 3, 4, 5 });
        t.Leases.Add(Lease(t, FirstLeaseStart(years), years, NormalBaseRent(t, rate), rate));
        Renew(t, 1.0);
        t.Leases.RemoveAll(l => l.Start > exit);
        var lease = t.Leases[^1];
        lease.ExitDate = exit;
        t.SometimesLate = false;
        if (warningSigns)
        {
            t.Quality = rng.Uniform(0.75, 0.92);
            t.Sales = new Curve((exit.AddDays(-330), 1.0), (exit, 0.45));
            var unpaidFrom = exit.AddDays(-rng.Between(100, 150));
            // Unpaid for months before the exit; the deposit settles it a few weeks after.
            t.PaymentRules.Add(new PaymentRule(unpaidFrom, exit.AddDays(60), DelayDays: null, SettleOn: exit.AddDays(rng.Between(15, 40))));
            t.ComplaintBoosts.Add(new Boost(exit.AddDays(-180), exit, 1.2));
            t.FindingBoosts.Add(new Boost(exit.AddDays(-120), exit, 1.0, ["late_open", "early_close", "closed_without_notice"]));
            lease.ExitReason = rng.Pick(Texts.WarningExitReasons);
        }
        else
        {
            lease.ExitReason = rng.Pick(Texts.NeutralExitReasons);
        }
        t.Situation = "past_exit";
        t.Note = warningSigns
            ? $"left {Format.Date(exit)} ({lease.ExitReason}) after a year of falling sales, months of arrears and more complaints"
            : $"left {Format.Date(exit)} ({lease.ExitReason}) without warning signs";
        vacated.Add((unit, exit, plantedNew));
    }

    private void PlantPastArrears(TenantPlan t)
    {
        Steady(t, renew: true);
        var from = new DateOnly(rng.Between(2024, 2025), 1, 1).AddMonths(rng.Between(0, 8));
        var settle = from.AddMonths(2).AddDays(9 + rng.Between(25, 45));
        t.PaymentRules.Add(new PaymentRule(from, from.AddMonths(3).AddDays(-1), DelayDays: null, SettleOn: settle));
        t.Sales = new Curve((from.AddDays(-60), 1.0), (from, 0.85), (settle, 0.85), (settle.AddDays(60), 1.0));
        t.Situation = "past_arrears";
        t.Note = $"rent due {Format.Period(from)} to {Format.Period(from.AddMonths(2))} paid only on {Format.Date(settle)}; recovered since";
    }

    private void LetToSuccessor(Unit unit, DateOnly start, bool plantedNew)
    {
        var category = rng.Chance(0.75) || plantedNew ? unit.Category : rng.Pick(CategoryProfile.FloorMix(unit.Floor));
        var t = NewTenant(unit, category);
        var rate = TurnoverRate(t.Category);
        t.Leases.Add(Lease(t, start, rng.Pick(new[] { 3, 4, 5 }), NormalBaseRent(t, rate), rate));
        Renew(t, 1.0);
        if (plantedNew)
        {
            t.Quality = rng.Uniform(0.95, 1.1);
            t.SometimesLate = false;
            t.ReportsTransactions = true;
            t.Sales = new Curve((start, 0.4), (start.AddDays(150), 0.92), (start.AddDays(240), 1.0));
            t.Situation = "control_new_tenant";
            t.Note = $"opened {Format.Date(start)} in a vacated unit; ramping up from ~40 % of normal sales";
        }
        else
        {
            t.Sales = new Curve((start, 0.55), (start.AddDays(120), 1.0));
        }
    }
}
