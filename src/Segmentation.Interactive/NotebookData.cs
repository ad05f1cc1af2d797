using Segmentation.App;
using Segmentation.Prepare;

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

    /// <summary>Which data the notebook runs on, and how to change it: said loudly when it is the synthetic sample.</summary>
    public static DataBanner Describe(string? input)
    {
        const string Change = "To change it, set SEGMENTATION_DATA to a transactions file (CSV, CSV.gz, XLSX or Parquet, any column names the library recognises) before starting the notebook, or set `input` in the cell below by hand.";
        if (input is null)
        {
            return new DataBanner($"Running on the built-in SYNTHETIC sample ({TransactionSource.Sample().Name}), not on real data: the figures below illustrate the method only. "
                + "For the real UCI Online Retail data, run `dotnet run --project src/Segmentation.Cli -- download` (puts data/raw/Online_Retail.xlsx in place). " + Change, IsSample: true);
        }
        var from = Environment.GetEnvironmentVariable("SEGMENTATION_DATA") == input ? "set by SEGMENTATION_DATA" : "found under data/raw";
        return new DataBanner($"Running on {input} ({from}). {Change}", IsSample: false);
    }
}

/// <summary>The notebook's first output: which data it runs on. <see cref="IsSample"/> marks the synthetic sample.</summary>
public sealed record DataBanner(string Text, bool IsSample)
{
    public override string ToString() => Text;

    /// <summary>The banner as an HTML box (amber for the sample); the text is escaped.</summary>
    public string Html() =>
        $"<div style=\"padding:10px 14px;border-left:6px solid {(IsSample ? "#d97706" : "#2563eb")};background:{(IsSample ? "#fffbeb" : "#eff6ff")};font-size:14px\"><strong>{(IsSample ? "Synthetic sample data" : "Data")}</strong><br>{System.Net.WebUtility.HtmlEncode(Text)}</div>";
}
