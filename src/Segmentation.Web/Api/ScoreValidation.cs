namespace Segmentation.Web.Api;

/// <summary>The checks of a scoring request, first failure first, each naming its field as the caller wrote it.</summary>
internal static class ScoreValidation
{
    /// <param name="valued">Whether the served model has lifetime value: the purchase-history fields are read only then.</param>
    public static (string Field, string Reason)? Check(ScoreRequestBody body, int maxCustomers, bool valued = false)
    {
        if (body.Customers is null) return ("customers", "required: a list of customers");
        if (body.Customers.Count == 0) return ("customers", "must hold at least one customer");
        if (body.Customers.Count > maxCustomers) return ("customers", $"at most {maxCustomers:N0} customers a request; this one has {body.Customers.Count:N0}");
        for (var i = 0; i < body.Customers.Count; i++)
        {
            var field = $"customers[{i}]";
            if (body.Customers[i] is not { } c) return (field, "required: an object with customerId, recency, frequency and monetary");
            if (string.IsNullOrWhiteSpace(c.CustomerId)) return ($"{field}.customerId", "required: a non-empty string");
            if (Number(c.Recency, 0) is { } recency) return ($"{field}.recency", recency);
            if (Number(c.Frequency, 1) is { } frequency) return ($"{field}.frequency", frequency);
            if (Number(c.Monetary, 0) is { } monetary) return ($"{field}.monetary", monetary);
            if (!c.HasValueFields) continue;
            if (!valued) return ($"{field}.repeatPurchases", "the served model has no lifetime value (its run had none): leave out repeatPurchases, recencyDays, ageDays and repeatValue");
            if (c.RepeatPurchases is not { } x) return ($"{field}.repeatPurchases", "required with the other purchase-history fields: a whole number of repeat purchase days");
            if (x < 0) return ($"{field}.repeatPurchases", "must be >= 0");
            if (Number(c.RecencyDays, 0) is { } tx) return ($"{field}.recencyDays", tx);
            if (Number(c.AgeDays, 0) is { } t) return ($"{field}.ageDays", t);
            if (c.RecencyDays > c.AgeDays) return ($"{field}.recencyDays", "must be at most ageDays: the last purchase comes after the first and before now");
            if (x == 0 && c.RecencyDays != 0) return ($"{field}.recencyDays", "must be 0 without a repeat purchase");
            if (x > 0 && Number(c.RepeatValue, 0) is { } m) return ($"{field}.repeatValue", m + " with repeat purchases: their mean value");
        }
        return null;
    }

    private static string? Number(double? value, double minimum) => value switch
    {
        null => "required: a number",
        { } v when !double.IsFinite(v) => "must be a finite number",
        { } v when v < minimum => $"must be >= {minimum}",
        _ => null,
    };
}
