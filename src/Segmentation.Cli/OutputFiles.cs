namespace Segmentation.Cli;

/// <summary>The names of the files a run writes into its output folder.</summary>
internal sealed record OutputFiles(string Folder)
{
    public string Rfm => Path.Combine(Folder, "rfm.csv");
    public string DataQuality => Path.Combine(Folder, "data_quality.json");

    public static OutputFiles For(string folder) => new(folder);
}
