using Analytics.Bench.Api;
using Analytics.Bench.Ingest;
using Analytics.Bench.Model;
using Analytics.Bench.Reports;
using Analytics.Bench.Web;

// Benchmarks report a goal's figure next to a baseline measured in the same run, never alone.
return args.FirstOrDefault() switch
{
    "ingest" => IngestBench.Run(args[1..]),
    "model" => ModelBench.Run(args[1..]),
    "api" => ApiBench.Run(args[1..]),
    "reports" => ReportsBench.Run(args[1..]),
    "web" => WebBench.Run(args[1..]),
    IngestBench.ChildVerb => IngestBench.Child(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: bench ingest [--drop DIR] [--runs N] [--work DIR]");
    Console.Error.WriteLine("       bench model [--tenants 20000] [--months 36] [--malls 20] [--runs 2] [--work DIR]");
    Console.Error.WriteLine("       bench reports [--drop DIR] [--lang zh|en] [--baseline 8] [--chromium chromium] [--work DIR]");
    Console.Error.WriteLine("       bench api [--url URL --key KEY] [--connections 32] [--seconds 30] [--period YYYY-MM]");
    Console.Error.WriteLine("       bench web [--db FILE] [--drop DIR] [--period YYYY-MM] [--requests 200]");
    return 2;
}
