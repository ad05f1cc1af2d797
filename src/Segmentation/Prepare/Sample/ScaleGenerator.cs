using System.Globalization;

namespace Segmentation.Prepare.Sample;

/// <summary>Size and seed of a large synthetic file.</summary>
internal sealed record ScaleOptions(long Rows, int Customers, int Seed = 42);

/// <summary>
/// Synthetic transactions at retail-export scale (millions of rows), written as they are generated so that
/// memory stays flat: invoices in time order over a year, customers drawn with a skewed (Zipf-like) activity
/// so that a few buy very often and most rarely, some customers lapsing early and some joining late, and the
/// same kinds of dirt as <see cref="SampleGenerator"/> (guest orders, cancellations, free lines, repeats).
/// </summary>
internal static class ScaleGenerator
{
    public static long Write(TextWriter writer, ScaleOptions options)
    {
        var random = new Random(options.Seed);
        var start = new DateTime(2010, 12, 1, 8, 0, 0);
        const double days = 373;
        var products = Enumerable.Range(0, 4000).Select(i => (
            Code: (20000 + i).ToString(CultureInfo.InvariantCulture) + (i % 5 == 0 ? "B" : ""),
            Description: $"PRODUCT {i} " + (i % 3 == 0 ? "SET, ASSORTED" : "SINGLE"),
            Price: Math.Round((decimal)(0.19 + random.NextDouble() * random.NextDouble() * 15), 2))).ToArray();
        string[] countries = ["United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom", "Germany", "France", "EIRE", "Netherlands"];

        writer.WriteLine("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
        long rows = 0;
        var invoice = 1_000_000;
        while (rows < options.Rows)
        {
            var fraction = rows / (double)options.Rows;
            var time = start.AddDays(fraction * days).AddMinutes(random.Next(0, 600));
            var customer = Customer(random, options.Customers, fraction);
            var guest = random.NextDouble() < 0.2;
            var lines = 1 + (int)(random.NextDouble() * random.NextDouble() * 40);
            var number = (invoice++).ToString(CultureInfo.InvariantCulture);
            var cancelled = !guest && random.NextDouble() < 0.015;
            var country = countries[customer % countries.Length];
            var id = guest ? "" : (10_000 + customer).ToString(CultureInfo.InvariantCulture);
            for (var l = 0; l < lines && rows < options.Rows; l++)
            {
                var (code, description, price) = products[random.Next(products.Length)];
                var quantity = 1 + random.Next(0, 12) * (random.NextDouble() < 0.1 ? 12 : 1);
                var unitPrice = random.NextDouble() < 0.003 ? 0m : price;
                var line = $"{(cancelled ? "C" : "")}{number},{code},\"{description}\",{(cancelled ? -quantity : quantity)},{time:yyyy-MM-dd HH:mm:ss},{unitPrice.ToString(CultureInfo.InvariantCulture)},{id},{country}";
                writer.WriteLine(line);
                rows++;
                if (random.NextDouble() < 0.01 && rows < options.Rows)
                {
                    writer.WriteLine(line);
                    rows++;
                }
            }
        }
        return rows;
    }

    /// <summary>A customer index with skewed activity; a fifth of customers lapse after the first half, a seventh only start in the last quarter.</summary>
    private static int Customer(Random random, int customers, double fraction)
    {
        while (true)
        {
            // Inverse-power draw: low indices are drawn far more often than high ones.
            var c = (int)(customers * Math.Pow(random.NextDouble(), 2.5));
            if (c % 5 == 1 && fraction > 0.5) continue;
            if (c % 7 == 2 && fraction < 0.75) continue;
            return c;
        }
    }
}
