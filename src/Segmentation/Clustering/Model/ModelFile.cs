using System.IO.Compression;
using System.Text.Json;
using Segmentation.Clustering.Methods;
using Segmentation.IO;

namespace Segmentation.Clustering.Model;

/// <summary>
/// The model as one file: a zip holding our part (model.json: the scaler, the method, the segments, and a Gaussian
/// mixture's components or DBSCAN's core customers) and, for k-means, ML.NET's own model (mlnet.zip) with the map
/// from its cluster numbers to ours, so neither can be used without the other.
/// </summary>
internal static class ModelFile
{
    private const string JsonEntry = "model.json";

    public static void Save(string path, SegmentationModel model) => AtomicFile.Write(path, stream =>
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var method = ClusteringMethods.Of(model.Method);
        method.WriteParts(model, name => Open(zip, name));
        using (var entry = Open(zip, JsonEntry))
        {
            JsonSerializer.Serialize(entry, model, Json.Options);
        }
    });

    public static SegmentationModel Load(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, "the model file does not exist");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var json = zip.GetEntry(JsonEntry) ?? throw new InputException(path, $"this is not a segmentation model: it has no {JsonEntry}");
            SegmentationModel model;
            using (var s = json.Open())
            {
                model = JsonSerializer.Deserialize<SegmentationModel>(s, Json.Options) ?? throw new InputException(path, "the model description is empty");
            }
            if (!SegmentationModel.Reads(model.FormatVersion))
            {
                throw new InputException(path, $"the model has format {model.FormatVersion}; this version reads formats 1 to {SegmentationModel.CurrentFormat}");
            }
            if (!model.Features.SequenceEqual(ScalerParameters.FeatureNames))
            {
                throw new InputException(path, $"the model expects features {string.Join(", ", model.Features)}; this version computes {string.Join(", ", ScalerParameters.FeatureNames)}");
            }
            return ClusteringMethods.Of(model.Method).ReadParts(model, name => zip.GetEntry(name)?.Open(), path);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or FormatException)
        {
            throw new InputException(path, $"the model file is damaged or not a segmentation model ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static Stream Open(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        // A fixed timestamp: the same model gives the same bytes.
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return entry.Open();
    }
}
