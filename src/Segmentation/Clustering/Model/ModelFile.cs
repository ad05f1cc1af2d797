using System.IO.Compression;
using System.Text.Json;
using Segmentation.IO;

namespace Segmentation.Clustering.Model;

/// <summary>
/// The model as one file: a zip holding our part (model.json: the scaler, the method, the segments, and a Gaussian
/// mixture's components or DBSCAN's core customers) and, for k-means, ML.NET's own model (mlnet.zip) with the map
/// from its cluster numbers to ours, so neither can be used without the other.
/// </summary>
internal static class ModelFile
{
    private const string MlNetEntry = "mlnet.zip";
    private const string JsonEntry = "model.json";

    public static void Save(string path, SegmentationModel model) => AtomicFile.Write(path, stream =>
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        if (model.Method == ClusteringMethod.KMeans)
        {
            var ml = SegmentationModel.Context();
            using var entry = Open(zip, MlNetEntry);
            var schema = MlNetKMeans.DataView([new double[MlNetKMeans.Dimensions]]).Schema;
            using var buffer = new MemoryStream();
            ml.Model.Save(model.MlNetModel ?? throw new InvalidOperationException("No ML.NET model to save."), schema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
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
            if (model.Method != ClusteringMethod.KMeans)
            {
                var complete = model.Method == ClusteringMethod.Gmm ? model.Mixture is { } m && m.Weights.Length == model.K : model.Density is not null;
                if (!complete) throw new InputException(path, $"the model is damaged: its {model.Method} part is missing or does not match k = {model.K}");
                return model;
            }
            var ml = zip.GetEntry(MlNetEntry) ?? throw new InputException(path, $"this is not a segmentation model: it has no {MlNetEntry}");
            using var buffer = new MemoryStream();
            using (var s = ml.Open()) s.CopyTo(buffer);
            buffer.Position = 0;
            var transformer = SegmentationModel.Context().Model.Load(buffer, out _);
            return model with { MlNetModel = transformer };
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
