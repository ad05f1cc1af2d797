using System.Buffers.Binary;
using Segmentation.Clustering.Segments;

namespace Segmentation.Clustering.Model;

/// <summary>
/// A saved model as SQL (ClickHouse's, in the subset 18.16 and current servers share), so that a database can score
/// its own customers: the scaler (log1p, centring, scaling), the nearest centre (k-means) or the most likely
/// component and its probability (Gaussian mixture), the distances the customer file reports, the segment's name
/// and action. Each figure is the same arithmetic in the same order as <see cref="FeatureScaler"/>,
/// <see cref="SegmentBuilder"/> and <see cref="GaussianMixture"/>, on the same doubles: constants travel as their
/// exact bits (a decimal literal could be read to a neighbouring double).
/// </summary>
internal static class ModelSql
{
    /// <summary>The aliases the assignment defines, for the statement around it.</summary>
    public const string Cluster = "m_cluster", Distance = "m_distance", Second = "m_second", Probability = "m_probability", Segment = "m_segment", Action = "m_action";

    /// <summary>Whether the model's method can be scored by SQL: DBSCAN's nearest core customer cannot (it is scored in process).</summary>
    public static bool Supports(SegmentationModel model) => model.Method is ClusteringMethod.KMeans or ClusteringMethod.Gmm;

    /// <summary>
    /// The expressions that score a customer given SQL for its recency, frequency and monetary value (numbers):
    /// <see cref="Cluster"/>, <see cref="Distance"/> to its centre, <see cref="Second"/> (the nearest other centre),
    /// <see cref="Probability"/> (NULL but for a mixture), <see cref="Segment"/> and <see cref="Action"/>. They come in
    /// layers (each a list of "expression AS alias"), each to be selected over the one before (<c>SELECT *, ... FROM
    /// (...)</c>): ClickHouse expands an alias into every expression that uses it, and a mixture's chain of aliases
    /// in one SELECT grows past its limit on the size of a query.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Assignment(SegmentationModel model, string recency, string frequency, string monetary)
    {
        if (!Supports(model)) throw new NotSupportedException($"a {model.Method} model is scored in process");
        var s = model.Scaler;
        var layers = new List<IReadOnlyList<string>>();
        var aliases = new List<string>();
        void Layer()
        {
            layers.Add([.. aliases]);
            aliases.Clear();
        }
        string[] raw = [recency, frequency, monetary];
        for (var j = 0; j < 3; j++)
        {
            var x = s.Log1p ? $"log(1 + greatest(toFloat64({raw[j]}), 0))" : $"toFloat64({raw[j]})";
            aliases.Add($"({x} - {Exact(s.Mean[j])}) / {Exact(s.StdDev[j])} AS m_z{j}");
        }
        Layer();
        var k = model.Centroids.Length;
        for (var c = 0; c < k; c++)
        {
            var d = Enumerable.Range(0, 3).Select(j => $"(m_z{j} - {Exact(model.Centroids[c][j])}) * (m_z{j} - {Exact(model.Centroids[c][j])})");
            aliases.Add($"sqrt({string.Join(" + ", d)}) AS m_d{c}");
        }
        var distances = string.Join(", ", Enumerable.Range(0, k).Select(c => $"m_d{c}"));
        if (model.Method == ClusteringMethod.Gmm)
        {
            foreach (var layer in MixtureProbabilities(model.Mixture!))
            {
                aliases.AddRange(layer);
                Layer();
            }
            var responsibilities = string.Join(", ", Enumerable.Range(0, k).Select(c => $"m_p{c}"));
            // The first most likely component: ties go to the lower index, as in process.
            aliases.Add($"toInt64(indexOf([{responsibilities}], {Greatest(Enumerable.Range(0, k).Select(c => $"m_p{c}"))}) - 1) AS {Cluster}");
            aliases.Add($"arrayElement([{responsibilities}], {Cluster} + 1) AS {Probability}");
        }
        else
        {
            aliases.Add($"toInt64(indexOf([{distances}], {Least(Enumerable.Range(0, k).Select(c => $"m_d{c}"))}) - 1) AS {Cluster}");
            aliases.Add($"CAST(NULL AS Nullable(Float64)) AS {Probability}");
        }
        Layer();
        aliases.Add($"arrayElement([{distances}], {Cluster} + 1) AS {Distance}");
        aliases.Add($"{Least(Enumerable.Range(0, k).Select(c => $"if({Cluster} = {c}, inf, m_d{c})"))} AS {Second}");
        var clusters = $"[{string.Join(", ", Enumerable.Range(0, model.Segments.Count))}]";
        aliases.Add($"transform({Cluster}, {clusters}, [{string.Join(", ", model.Segments.Select(n => Prepare.Engine.ClickHouseSql.Literal(n.Name)))}], '') AS {Segment}");
        aliases.Add($"transform({Cluster}, {clusters}, [{string.Join(", ", model.Segments.Select(n => Prepare.Engine.ClickHouseSql.Literal(n.Actions)))}], '') AS {Action}");
        Layer();
        return layers;
    }

    /// <summary>Each component's responsibility m_p0.. as <see cref="GaussianMixture"/>'s E-step computes it, layer by layer.</summary>
    private static IEnumerable<IReadOnlyList<string>> MixtureProbabilities(MixtureParameters mixture)
    {
        const int D = KMeans.Dim;
        var k = mixture.Weights.Length;
        var constant = D * GaussianMixture.LogTwoPi;
        var factors = new double[k][];
        var logDets = new double[k];
        for (var c = 0; c < k; c++)
        {
            factors[c] = new double[D * D];
            GaussianMixture.Cholesky(mixture.Covariances[c].AsSpan(), factors[c]);
            for (var j = 0; j < D; j++) logDets[c] += Math.Log(factors[c][j * D + j]);
        }
        // Forward substitution L y = z - mean, a row of y per layer, then the log-density with the Mahalanobis distance y.y.
        for (var r = 0; r < D; r++)
        {
            yield return [.. Enumerable.Range(0, k).Select(c =>
            {
                var l = factors[c];
                var v = $"(m_z{r} - {Exact(mixture.Means[c][r])})";
                for (var t = 0; t < r; t++) v = $"({v} - {Exact(l[r * D + t])} * m_y{c}_{t})";
                return $"{v} / {Exact(l[r * D + r])} AS m_y{c}_{r}";
            })];
        }
        yield return [.. Enumerable.Range(0, k).Select(c =>
            $"{Exact(Math.Log(mixture.Weights[c]))} - 0.5 * ({Exact(constant)} + ({string.Join(" + ", Enumerable.Range(0, D).Select(r => $"m_y{c}_{r} * m_y{c}_{r}"))})) - {Exact(logDets[c])} AS m_l{c}")];
        yield return [$"{Greatest(Enumerable.Range(0, k).Select(c => $"m_l{c}"))} AS m_lmax"];
        yield return [$"m_lmax + log({string.Join(" + ", Enumerable.Range(0, k).Select(c => $"exp(m_l{c} - m_lmax)"))}) AS m_norm"];
        yield return [.. Enumerable.Range(0, k).Select(c => $"exp(m_l{c} - m_norm) AS m_p{c}")];
    }

    private static string Least(IEnumerable<string> values) => values.Aggregate((a, b) => $"least({a}, {b})");

    private static string Greatest(IEnumerable<string> values) => values.Aggregate((a, b) => $"greatest({a}, {b})");

    /// <summary>A double as its exact bits (little-endian), which every ClickHouse reads back to the same double.</summary>
    public static string Exact(double value)
    {
        Span<byte> bits = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bits, value);
        return $"reinterpretAsFloat64(unhex('{Convert.ToHexString(bits)}'))";
    }

}
