using System.Diagnostics;
using System.Globalization;
using Analytics.SampleData.Sample;
using Analytics.SampleData.Scale;

// sample-data sample --out DIR [--seed N] [--mix replace=8,rent_relief=8,...]
// sample-data scale --out DIR [--malls N] [--tenants N] [--months N] [--seed N] [--datasets a,b,...] [--required-only] [--categories N]
try
{
    if (args.Length == 0 || args[0] is "-h" or "--help")
    {
        Console.WriteLine(Usage());
        return args.Length == 0 ? 2 : 0;
    }
    var options = ReadOptions(args.Skip(1).ToArray());
    string Need(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
    int Number(string name, int fallback) => options.TryGetValue(name, out var v)
        ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"--{name} must be a whole number")
        : fallback;
    var watch = Stopwatch.StartNew();
    switch (args[0])
    {
        case "sample":
            var counts = SampleDrop.Write(Need("out"), Number("seed", SampleDrop.DefaultSeed), SampleMix.Parse(options.GetValueOrDefault("mix")));
            Console.WriteLine(ScaleDrop.Describe(counts, watch.Elapsed));
            return 0;
        case "scale":
            var scale = new ScaleOptions
            {
                Malls = Number("malls", 20),
                Tenants = Number("tenants", 5000),
                Months = Number("months", 24),
                Seed = Number("seed", 1),
                Datasets = options.TryGetValue("datasets", out var ds) ? ds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : ScaleOptions.AllDatasets,
                RequiredOnly = options.ContainsKey("required-only"),
                Categories = options.ContainsKey("categories") ? Number("categories", 0) : null,
            };
            var written = ScaleDrop.Write(Need("out"), scale);
            Console.WriteLine(FormattableString.Invariant($"{scale.Malls} malls, {scale.Tenants} tenants, {scale.Months} months ({scale.Start:yyyy-MM-dd}..{scale.End:yyyy-MM-dd}, {scale.Days} days)"));
            Console.WriteLine(ScaleDrop.Describe(written, watch.Elapsed));
            return 0;
        default:
            Console.Error.WriteLine($"unknown command '{args[0]}'");
            Console.Error.WriteLine(Usage());
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static Dictionary<string, string> ReadOptions(string[] rest)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < rest.Length; i++)
    {
        if (rest[i] == "--required-only")
        {
            options["required-only"] = "true";
            continue;
        }
        if (!rest[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= rest.Length)
        {
            throw new ArgumentException($"expected --name value, got '{rest[i]}'");
        }
        options[rest[i][2..]] = rest[++i];
    }
    return options;
}

static string Usage() => """
    usage:
      sample-data sample --out DIR [--seed N] [--mix NAME=N,...]
          the demo sample: DIR/drop, DIR/xlsx-drop, DIR/bad-drop, DIR/sample-truth.csv, DIR/bad-drop-expected.csv
          --mix: planted tenants per situation (replace, rent_relief, rent_review_up, improvement_plan, sales_audit,
          watch, busy) and relief_quality=LOW-HIGH (rent-relief sales against the category norm); default: the committed mix
      sample-data scale --out DIR [--malls 20] [--tenants 5000] [--months 24] [--seed 1] [--datasets units,tenants,sales,...]
                        [--required-only] [--categories N]
          a large portfolio for benchmarks; sales rows = tenants x days; --required-only: tenants (required columns),
          sales and rent only; --categories N: tenants of the first N trade categories only
    """;
