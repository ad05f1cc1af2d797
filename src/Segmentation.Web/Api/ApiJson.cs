using System.Text.Json.Serialization;
using Segmentation.Clustering.Model;

namespace Segmentation.Web.Api;

/// <summary>The body of <c>POST /api/score</c>. Every field is nullable so that a missing one is reported by name, not defaulted.</summary>
public sealed record ScoreRequestBody(IReadOnlyList<ScoreCustomerBody?>? Customers);

/// <summary>
/// One customer to score: days since the last order, orders, money spent; and for a model with lifetime value,
/// optionally the purchase history it reads, in days: repeat purchase days, days from the first purchase to the last
/// (recencyDays) and to now (ageDays), and the mean value of the repeat purchase days (repeatValue, needed with any).
/// </summary>
public sealed record ScoreCustomerBody(string? CustomerId, double? Recency, double? Frequency, double? Monetary)
{
    public int? RepeatPurchases { get; init; }
    public double? RecencyDays { get; init; }
    public double? AgeDays { get; init; }
    public double? RepeatValue { get; init; }

    /// <summary>Whether any lifetime-value field was given.</summary>
    [JsonIgnore]
    public bool HasValueFields => RepeatPurchases is not null || RecencyDays is not null || AgeDays is not null || RepeatValue is not null;
}

/// <summary>
/// The answer of both scoring endpoints. <c>drift</c>: each feature's PSI against the model's training customers
/// (from 100 customers in a request); <c>window</c>: for transactions, the days RFM was counted over; <c>warnings</c>:
/// what to read before acting on the segments (a window shorter than the model's, customers that have moved).
/// </summary>
public sealed record ScoreResponseBody(IReadOnlyList<ScoredCustomerBody> Customers)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DriftBody>? Drift { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Window { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>A feature's population stability index against the model's training customers.</summary>
public sealed record DriftBody(string Feature, double Psi, string Reading)
{
    /// <summary>The drift as answered; null (left out of the answer) when there is none to report.</summary>
    public static IReadOnlyList<DriftBody>? Of(IReadOnlyList<FeatureDrift> drift) =>
        drift.Count == 0 ? null : drift.Select(d => new DriftBody(d.Feature, Math.Round(d.Psi, 4), d.Reading)).ToList();
}

/// <summary>A customer's segment; <c>probability</c> only for a Gaussian-mixture model; <c>value</c> when the request gave the customer's purchase history.</summary>
public sealed record ScoredCustomerBody(string CustomerId, int Cluster, string Segment, string Action,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Probability)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CustomerValueBody? Value { get; init; }
}

/// <summary>
/// A customer's value under the model's fits, as of the request: P(alive); P(no purchase) and expected purchases in
/// the model's window (<c>windowDays</c>); the days to the expected next purchase (null: more likely gone); the
/// expected value of a purchase; lifetime value over <c>horizonMonths</c>, discounted as the model says.
/// </summary>
public sealed record CustomerValueBody(double PAlive, double PNoPurchase, double ExpectedPurchases, int WindowDays, int? NextPurchaseInDays,
    double ExpectedAverageValue, double Clv, int HorizonMonths);

/// <summary><c>GET /api/model</c>: what the served model is and where it came from.</summary>
public sealed record ModelBody(string Method, int K, int Seed, IReadOnlyList<string> Features, bool Log1p, IReadOnlyList<ModelSegmentBody> Segments,
    TrainingBody Training)
{
    /// <summary>The lifetime-value fits, when the model's run had them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ValueModelBody? Value { get; init; }
}

/// <summary>
/// The value fits of the served model: the purchase model and Gamma-Gamma with their parameters, the unit they are in,
/// the day their data ended, the window, horizon and monthly discount of the figures.
/// </summary>
public sealed record ValueModelBody(string PurchaseModel, IReadOnlyDictionary<string, double?> Purchases, IReadOnlyDictionary<string, double> GammaGamma,
    string Unit, string DataEnd, int WindowDays, int HorizonMonths, double MonthlyDiscountRate);

/// <summary>A segment of the model with its centre in days, orders and money.</summary>
public sealed record ModelSegmentBody(int Cluster, string Name, string Description, string Action, string Priority, double Recency, double Frequency, double Monetary);

/// <summary>
/// The run the model was trained in; <c>firstDate</c>, <c>snapshot</c> and <c>windowDays</c>: the window its RFM was
/// counted over (null for a model written before it was kept), the one scored transactions are measured over.
/// </summary>
public sealed record TrainingBody(string Source, string? Folder, IReadOnlyDictionary<string, string> Versions, string? FirstDate, string? Snapshot, int? WindowDays);

/// <summary><c>GET /health</c>; <c>refresh</c> when <c>serve</c> refreshes a database source on a schedule.</summary>
public sealed record HealthBody(string Status, string Model, long Fits, int Running, int Waiting)
{
    public RefreshHealthBody? Refresh { get; init; }
}

/// <summary>
/// The scheduled refresh: how often, the last that succeeded (its time and run id in the history), the next due, how
/// many succeeded and failed, and the last error since the last success (null when none).
/// </summary>
public sealed record RefreshHealthBody(string Every, string? LastRun, long? LastRunId, string? NextRun, int Succeeded, int Failed, string? LastError, string? LastErrorAt);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ScoreRequestBody))]
[JsonSerializable(typeof(ScoreResponseBody))]
[JsonSerializable(typeof(ModelBody))]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(RefreshHealthBody))]
internal sealed partial class ApiJson : JsonSerializerContext;
