#:project ../src/Segmentation.Reporting/Segmentation.Reporting.csproj
#:property PublishAot=false
#:property TreatWarningsAsErrors=true

// The stakeholder reports of one run, as a script: the outline below is the whole report.
//   dotnet run reports/segment-report.cs -- --input ../shared/data/online_retail.csv.gz --out reports/out
//   dotnet run reports/segment-report.cs -- --sample
// (ML.NET generates code at run time, so the script turns off the native-AOT default of file-based apps.)
using System.Diagnostics;
using Segmentation;
using Segmentation.Pipeline;
using Segmentation.Reporting;
using Segmentation.Reporting.Html;
using Segmentation.Sample;

var input = Arg("--input");
var output = Arg("--out") ?? Path.Combine("reports", "out");
var clock = Stopwatch.StartNew();
try
{
    var run = input is null
        ? SegmentationPipeline.Run(() => SampleGenerator.Open())
        : SegmentationPipeline.Run(input);
    Console.WriteLine($"pipeline    {clock.Elapsed.TotalSeconds:F2} s ({run.Rfm.Count:N0} customers, k = {run.Choice.K})");

    var options = new ReportOptions { RunDate = DateTime.Today };
    Directory.CreateDirectory(output);
    clock.Restart();
    var pdf = SegmentPdfReport.Write(run, Path.Combine(output, "report.pdf"), options);
    Console.WriteLine($"report.pdf  {clock.Elapsed.TotalSeconds:F2} s ({pdf.Pages} pages)");
    clock.Restart();
    HtmlReport.Write(run, Path.Combine(output, "report.html"), options);
    Console.WriteLine($"report.html {clock.Elapsed.TotalSeconds:F2} s");
    return 0;
}
catch (InputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
