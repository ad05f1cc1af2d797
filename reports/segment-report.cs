#:project ../src/Segmentation.Reporting/Segmentation.Reporting.csproj
#:property PublishAot=false
#:property TreatWarningsAsErrors=true

// The stakeholder reports of one run, as a script over the application layer:
//   dotnet run reports/segment-report.cs -- --input ../shared/data/online_retail.csv.gz --out reports/out
//   dotnet run reports/segment-report.cs -- --sample
// (ML.NET generates code at run time, so the script turns off the native-AOT default of file-based apps.)
using System.Diagnostics;
using Segmentation;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Reporting;

var input = Arg("--input");
var output = Arg("--out") ?? Path.Combine("reports", "out");
var clock = Stopwatch.StartNew();
try
{
    var source = input is null ? TransactionSource.Sample() : TransactionSource.File(input);
    var run = SegmentationApp.Segment(source);
    Console.WriteLine($"pipeline    {clock.Elapsed.TotalSeconds:F2} s ({run.Rfm.Count:N0} customers, k = {run.Choice.K})");

    var report = SegmentationApp.Report(run, new ReportSettings { RunDate = DateTime.Today });
    Directory.CreateDirectory(output);
    foreach (var file in ReportRenderer.Instance.Render(report, output))
    {
        Console.WriteLine($"{Path.GetFileName(file.Path),-11} {file.Elapsed.TotalSeconds:F2} s");
    }
    return 0;
}
catch (Exception e) when (e is InputException or OptionException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
