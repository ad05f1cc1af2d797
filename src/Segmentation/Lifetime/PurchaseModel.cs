using System.Text.Json.Serialization;

namespace Segmentation.Lifetime;

/// <summary>Which model of purchases and dropout lifetime value uses.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PurchaseModel>))]
public enum PurchaseModel
{
    /// <summary>BG/NBD: a customer may leave at each repeat purchase.</summary>
    [JsonStringEnumMemberName("bgnbd")]
    BgNbd,

    /// <summary>Pareto/NBD: a customer may leave at any moment.</summary>
    [JsonStringEnumMemberName("paretonbd")]
    ParetoNbd,

    /// <summary>MBG/NBD: a customer may leave at each purchase, the first included.</summary>
    [JsonStringEnumMemberName("mbgnbd")]
    MbgNbd,

    /// <summary>
    /// Each of the above fitted on the calibration period; kept, the one whose predictions of the holdout are closest
    /// per customer (mean absolute error), or without a holdout the one of lowest BIC.
    /// </summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>
    /// BG/BB: one chance to buy per period of the unit (a day, a calendar week from Monday, a calendar month), and
    /// a chance of leaving before each: donations, subscription boxes, events. Not among those auto compares.
    /// </summary>
    [JsonStringEnumMemberName("bgbb")]
    BgBb,
}
