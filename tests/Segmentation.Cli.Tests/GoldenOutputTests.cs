using System.Diagnostics;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>
/// What a user sees does not change under a renovation: tests/golden/outputs.sh runs ten scenarios (run with its
/// variants, a refresh chain, score, clv on CDNOW, the scoring API) with this build and writes their outputs,
/// normalised; their hashes must equal tests/golden/manifest.sha256, written by the same script at 7823808. Changed on
/// purpose since, with the reason: the six lifetime-value files of clv-cdnow and run-clv (#28: values within 2e-12
/// relative of before, from the transformed BG/NBD series; intervals that were empty for one-time buyers defined);
/// run-gmm's metrics, model and report and run-compare's metrics (#28: EM on vectors; the same labels and
/// probabilities, BIC within 1e-13 relative); the eight reports' PDF text (#29: glyphs at their exact advances, so
/// words come out whole, "Customer segmentation" where it read "Cu stomer segmen tation", and lines wrap a word or so later); the
/// reports' HTML and PDF text again, hashed with the day of the run written as YYYY-MM-DD (the manifest held the day it
/// was written, so the test failed on every other day; the bytes are otherwise the same); run-clv's metrics.json (#29: the
/// value section names its purchase model, "purchase_model" and "purchases" where it said "bg_nbd", and "comparison",
/// null unless --btyd-model auto); clv-cdnow's clv.csv and console, run-clv's customer_segments.csv, targets and
/// reports (#29: the expected next purchase and P(purchase within 30/60/90 days) added; the files without those
/// columns hash as before); run-clv's metrics.json and reports again (#29: metrics.json gains "holdout", the kept
/// model's check with MAE and RMSE overall and by frequency, the rest equal; the reports say when the model sees almost
/// no churn and give the holdout's errors by frequency); run-clv's reports once more (#29: the purchase model's diagnostic
/// charts and their captions added after the holdout; the PDF text before them the same but for the page count);
/// clv-cdnow's clv.csv and console and run-clv's files naming who is at risk (#30: the at-risk rule is one half or the
/// lowest tenth of the top fifth by P(alive), whichever is higher: 87 UCI customers where one half named none, CDNOW's
/// 71 unchanged; clv.csv gains AtRiskOfLeaving; metrics.json says the top share, the threshold applied and whether it
/// was the relative one); clv-cdnow's console, which names clv.json too, and clv.json itself, new (#30: the fits as
/// data, metrics.json's value shape); run-clv's model.json (#30: the run's value fits saved in the model, "value", so
/// that score and the API value customers; a model without value is written as before); run-clv's reports once more
/// (#28: the P(alive) chart's caption reads "Every customer by the probability...", the form the point charts' captions
/// share now that a large run draws a sample of its customers and says so).
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class GoldenOutputTests
{
    [Fact]
    public async Task Every_output_equals_the_one_written_before_the_renovation()
    {
        using var temp = new TempFolder();
        var out_ = Path.Combine(temp.Path, "outputs");
        var cli = Path.Combine(AppContext.BaseDirectory, "Segmentation.Cli.dll");
        var script = Path.Combine(TestPaths.RepoRoot, "tests", "golden", "outputs.sh");
        var start = new ProcessStartInfo("bash", [script, cli, out_]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["SEGMENTATION_SHARED_DATA"] = TestPaths.SharedData;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"outputs.sh failed ({process.ExitCode}): {stdout}\n{await stderr}");

        var expected = Manifest(File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "golden", "manifest.sha256")));
        var actual = Manifest(File.ReadAllLines(out_ + ".sha256"));
        var differing = expected.Keys.Union(actual.Keys)
            .Where(file => expected.GetValueOrDefault(file) != actual.GetValueOrDefault(file))
            .Order(StringComparer.Ordinal)
            .Select(file => $"{file}: {(expected.ContainsKey(file) ? actual.ContainsKey(file) ? "differs" : "missing" : "new")}")
            .ToList();
        Assert.True(differing.Count == 0, "outputs that changed:\n" + string.Join('\n', differing));
        Assert.True(expected.Count > 100, $"the manifest holds {expected.Count} files");
    }

    private static Dictionary<string, string> Manifest(string[] lines) =>
        lines.Select(line => line.Split("  ", 2)).ToDictionary(parts => parts[1], parts => parts[0]);
}
