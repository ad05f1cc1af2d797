using System.Text.Json.Serialization;

namespace Segmentation.Clustering;

/// <summary>How customers are grouped.</summary>
public enum ClusteringMethod
{
    /// <summary>k-means (k-means++ and Lloyd, as scikit-learn): every customer to the nearest of k centres.</summary>
    [JsonStringEnumMemberName("kmeans")]
    KMeans,

    /// <summary>A Gaussian mixture with full covariances: every customer gets a segment and the probability of it; k chosen by BIC.</summary>
    Gmm,

    /// <summary>DBSCAN: dense groups found by themselves, customers in no dense group kept apart as noise.</summary>
    Dbscan,
}

/// <summary>The fitted components of a Gaussian mixture, in the scaled feature space.</summary>
/// <param name="Covariances">One row-major 3 x 3 matrix per component.</param>
public sealed record MixtureParameters(double[] Weights, double[][] Means, double[][] Covariances);

/// <summary>
/// What a DBSCAN segmentation assigns new customers by: a customer within <see cref="Eps"/> of a core customer joins
/// the nearest such core customer's cluster, as a border point does; any other is noise, group <see cref="NoiseCluster"/>.
/// </summary>
/// <param name="CorePoints">The core customers' scaled features.</param>
/// <param name="CoreLabels">Each core customer's canonical cluster.</param>
public sealed record DensityParameters(double Eps, int MinSamples, int NoiseCluster, double[][] CorePoints, int[] CoreLabels);
