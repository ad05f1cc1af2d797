namespace Segmentation.Features;

/// <summary>Revenue over one period, group or product.</summary>
public sealed record RevenueLine(string Key, decimal Revenue, long Lines, long Quantity);

/// <summary>
/// What exploration looks at beside RFM, aggregated from the cleaned rows in the same pass (so a file of any
/// size is summarised without being held): revenue by month, by country and by product.
/// </summary>
public sealed record SalesSummary(IReadOnlyList<RevenueLine> Months, IReadOnlyList<RevenueLine> Countries, IReadOnlyList<RevenueLine> TopProducts);

/// <summary>Accumulates <see cref="SalesSummary"/>.</summary>
internal sealed class SalesSummaryBuilder
{
    public const int TopProductCount = 20;

    // Keys chosen to cost no allocation per row: a month as yyyy * 12 + month, a product by its stock code
    // (named by the first description seen), a country by its (pooled) string.
    private readonly Dictionary<int, Totals> _months = [];
    private readonly Dictionary<string, Totals> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Totals> _products = new(StringComparer.Ordinal);

    private string? _lastCountry;
    private Totals? _lastCountryTotals;

    private sealed class Totals
    {
        public decimal Revenue;
        public long Lines;
        public long Quantity;
        public string? Name;

        public void Add(decimal amount, long quantity)
        {
            Revenue += amount;
            Lines++;
            Quantity += quantity;
        }
    }

    public void Add(in Ingest.Transaction row)
    {
        var quantity = (long)(row.Quantity ?? 1);
        Add(_months, row.Date.Year * 12 + row.Date.Month - 1, row.Amount, quantity, null);
        // Consecutive rows usually share one country string: the last one's totals are reused without a look-up.
        var country = row.Country ?? "(unknown)";
        if (!ReferenceEquals(country, _lastCountry))
        {
            _lastCountry = country;
            _lastCountryTotals = TotalsOf(_countries, country, null);
        }
        _lastCountryTotals!.Add(row.Amount, quantity);
        if ((row.StockCode ?? row.Description) is { } product) Add(_products, product, row.Amount, quantity, row.Description);
    }

    private static void Add<TKey>(Dictionary<TKey, Totals> map, TKey key, decimal amount, long quantity, string? name) where TKey : notnull =>
        TotalsOf(map, key, name).Add(amount, quantity);

    private static Totals TotalsOf<TKey>(Dictionary<TKey, Totals> map, TKey key, string? name) where TKey : notnull
    {
        ref var totals = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return totals ??= new Totals { Name = name };
    }

    public SalesSummary Build()
    {
        static RevenueLine Line(string key, Totals t) => new(key, t.Revenue, t.Lines, t.Quantity);
        return new SalesSummary(
            _months.OrderBy(kv => kv.Key).Select(kv => Line($"{kv.Key / 12:D4}-{kv.Key % 12 + 1:D2}", kv.Value)).ToArray(),
            _countries.OrderByDescending(kv => kv.Value.Revenue).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Line(kv.Key, kv.Value)).ToArray(),
            _products.OrderByDescending(kv => kv.Value.Revenue).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopProductCount)
                .Select(kv => Line(kv.Value.Name is { } name && name != kv.Key ? $"{kv.Key} {name}" : kv.Key, kv.Value)).ToArray());
    }
}
