namespace Segmentation.Web.Api;

/// <summary>The checks of a scoring request, first failure first, each naming its field as the caller wrote it.</summary>
internal static class ScoreValidation
{
    public static (string Field, string Reason)? Check(ScoreRequestBody body, int maxCustomers)
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
