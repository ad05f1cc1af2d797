using Segmentation.Runs;

namespace Segmentation.Report;

/// <summary>
/// The currency the reports put before amounts: the one asked for, else that of the country with the most revenue
/// (the UCI retailer's customers are mostly in the United Kingdom: pounds), else none (plain numbers, said so).
/// </summary>
internal static class Currencies
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GBP"] = "£", ["EUR"] = "€", ["USD"] = "$", ["JPY"] = "¥", ["CNY"] = "¥", ["INR"] = "₹", ["AUD"] = "A$", ["CAD"] = "C$",
        ["CHF"] = "CHF ", ["SEK"] = "SEK ", ["NOK"] = "NOK ", ["DKK"] = "DKK ", ["PLN"] = "zł ", ["BRL"] = "R$", ["NZD"] = "NZ$",
    };

    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["United Kingdom"] = "GBP", ["UK"] = "GBP", ["EIRE"] = "EUR", ["Ireland"] = "EUR", ["Germany"] = "EUR", ["France"] = "EUR",
        ["Netherlands"] = "EUR", ["Spain"] = "EUR", ["Italy"] = "EUR", ["Belgium"] = "EUR", ["Portugal"] = "EUR", ["Austria"] = "EUR",
        ["Finland"] = "EUR", ["Greece"] = "EUR", ["USA"] = "USD", ["United States"] = "USD", ["Japan"] = "JPY", ["Switzerland"] = "CHF",
        ["Sweden"] = "SEK", ["Norway"] = "NOK", ["Denmark"] = "DKK", ["Australia"] = "AUD", ["Canada"] = "CAD", ["Poland"] = "PLN",
        ["Brazil"] = "BRL", ["India"] = "INR", ["China"] = "CNY", ["New Zealand"] = "NZD",
    };

    /// <summary>The symbol of an ISO 4217 code, or the code and a space for one not in the table.</summary>
    public static string SymbolOf(string code) => Symbols.TryGetValue(code, out var symbol) ? symbol : code.ToUpperInvariant() + " ";

    /// <summary>The settings with the currency resolved, and where it came from in words.</summary>
    public static (ReportSettings Settings, string Source) Resolve(ReportSettings settings, SegmentationRun run)
    {
        if (settings.CurrencyCode is { } code) return (settings with { Currency = settings.Currency ?? SymbolOf(code) }, "as asked");
        if (settings.Currency is not null) return (settings, "as asked");
        var top = run.Prepared.Sales.Countries.OrderByDescending(c => c.Revenue).FirstOrDefault();
        if (top is not null && ByCountry.TryGetValue(top.Key.Trim(), out var inferred))
        {
            return (settings with { CurrencyCode = inferred, Currency = SymbolOf(inferred) }, $"the currency of {top.Key}, the country with the most revenue");
        }
        return (settings with { Currency = "" }, "not known: amounts are in the data's own currency");
    }
}
