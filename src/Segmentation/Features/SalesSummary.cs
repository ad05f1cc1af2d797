namespace Segmentation.Features;

/// <summary>Revenue over one period, group or product.</summary>
public sealed record RevenueLine(string Key, decimal Revenue, long Lines, long Quantity);

/// <summary>
/// What exploration looks at beside RFM, aggregated from the cleaned rows in the same pass (so a file of any
/// size is summarised without being held): revenue by month, by country and by product.
/// </summary>
public sealed record SalesSummary(IReadOnlyList<RevenueLine> Months, IReadOnlyList<RevenueLine> Countries, IReadOnlyList<RevenueLine> TopProducts);

/// <summary>Accumulates <see cref="SalesSummary"/>.</summary>
public sealed class SalesSummaryBuilder
{
    public const int TopProductCount = 20;

    private readonly Dictionary<string, (decimal Revenue, long Lines, long Quantity)> _months = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Revenue, long Lines, long Quantity)> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Revenue, long Lines, long Quantity)> _products = new(StringComparer.Ordinal);

    public void Add(in Ingest.Transaction row)
    {
        var quantity = (long)(row.Quantity ?? 1);
        Add(_months, row.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), row.Amount, quantity);
        Add(_countries, row.Country ?? "(unknown)", row.Amount, quantity);
        if (row.StockCode is not null || row.Description is not null)
        {
            Add(_products, $"{row.StockCode} {row.Description}".Trim(), row.Amount, quantity);
        }
    }

    private static void Add(Dictionary<string, (decimal Revenue, long Lines, long Quantity)> map, string key, decimal amount, long quantity)
    {
        map.TryGetValue(key, out var v);
        map[key] = (v.Revenue + amount, v.Lines + 1, v.Quantity + quantity);
    }

    public SalesSummary Build()
    {
        static RevenueLine Line(KeyValuePair<string, (decimal Revenue, long Lines, long Quantity)> kv) => new(kv.Key, kv.Value.Revenue, kv.Value.Lines, kv.Value.Quantity);
        return new SalesSummary(
            _months.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(Line).ToArray(),
            _countries.OrderByDescending(kv => kv.Value.Revenue).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(Line).ToArray(),
            _products.OrderByDescending(kv => kv.Value.Revenue).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopProductCount).Select(Line).ToArray());
    }
}
