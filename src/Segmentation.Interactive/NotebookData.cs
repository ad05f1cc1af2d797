using Segmentation.App;

namespace Segmentation.Interactive;

/// <summary>The notebooks' default input: the real workbook when data/raw has it, else the built-in sample.</summary>
public static class NotebookData
{
    /// <summary>
    /// SEGMENTATION_DATA when set; else data/raw/Online_Retail.xlsx (or online_retail.csv.gz) under the
    /// repository when present; else null, meaning the sample.
    /// </summary>
    public static string? DefaultInput(string repositoryRoot = "..")
    {
        if (Environment.GetEnvironmentVariable("SEGMENTATION_DATA") is { Length: > 0 } path) return path;
        foreach (var name in new[] { SegmentationApp.OnlineRetailSource.FileName, "online_retail.csv.gz" })
        {
            var candidate = Path.Combine(repositoryRoot, "data", "raw", name);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>The input as the application layer takes it: the file, or the sample when it is null.</summary>
    public static TransactionSource Source(string? input) => input is null ? TransactionSource.Sample() : TransactionSource.File(input);

    public static string Describe(string? input) => input ?? TransactionSource.Sample().Name;
}
