using Segmentation.IO;
using Segmentation.Lifetime;

namespace Segmentation.Runs.Files;

/// <summary>
/// clv.json, beside clv.csv: the value fits as data (every parameter with its standard error, the log-likelihood, the
/// boundary cases in words, the models compared, the holdout's errors, the settings and units), in the shape of
/// metrics.json's "value" (<see cref="ValueMetrics"/>), so that a program reads either the same way.
/// </summary>
internal static class ClvJson
{
    /// <summary>The JSON beside a clv CSV: the same name, .json.</summary>
    public static string PathBeside(string csv) => Path.ChangeExtension(csv, ".json");

    public static void Write(string path, ClvResult result) => Json.Write(path, ValueMetrics.From(result));
}
