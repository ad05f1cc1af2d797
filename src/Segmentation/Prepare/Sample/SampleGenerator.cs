using System.Globalization;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare.Sample;

/// <summary>
/// A synthetic shop in the Online Retail layout: customers of distinct kinds (frequent big spenders,
/// regulars, recent newcomers, lapsed buyers, one-off buyers) and the real file's dirt (guest orders
/// without a customer, cancellations, stock adjustments with negative quantities, free lines, repeated rows).
/// </summary>
internal static class SampleGenerator
{
    /// <summary>The kinds of customer the sample holds, with their share of customers.</summary>
    public static IReadOnlyList<(string Kind, double Share)> Kinds { get; } =
    [
        ("frequent big spender", 0.06),
        ("regular", 0.22),
        ("recent newcomer", 0.14),
        ("lapsed", 0.20),
        ("one-off", 0.38),
    ];

    private static readonly string[] Countries =
        ["United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Switzerland", "Portugal", "Australia"];
    private static readonly double[] CountryWeights = [0.86, 0.03, 0.03, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01];

    private static readonly string[] Adjectives = ["WHITE", "RED", "VINTAGE", "PINK", "REGENCY", "JUMBO", "SET OF 3", "BLUE", "RETROSPOT", "HEART"];
    private static readonly string[] Things = ["T-LIGHT HOLDER", "LUNCH BAG", "CAKE CASES", "TEACUP AND SAUCER", "BUNTING", "DOORMAT", "ALARM CLOCK", "CHRISTMAS DECORATION", "SHOPPER BAG", "PICNIC BASKET"];

    public static IReadOnlyList<Transaction> Generate(SampleOptions? options = null)
    {
        options ??= SampleOptions.Default;
        var random = new Random(options.Seed);
        var products = Products(random);
        var days = (options.End.Date - options.Start.Date).Days;

        // First the orders of every customer, then numbered in time order as a shop's invoices are.
        var orders = new List<(DateTime Date, string? Customer, string Country, int Lines, double Scale)>();
        for (var c = 0; c < options.Customers; c++)
        {
            var id = (12346 + c).ToString(CultureInfo.InvariantCulture);
            var country = Pick(random, Countries, CountryWeights);
            var kind = Pick(random, Kinds.Select(k => k.Kind).ToArray(), Kinds.Select(k => k.Share).ToArray());
            var (count, from, to, lines, scale) = kind switch
            {
                "frequent big spender" => (random.Next(15, 45), 0, days, random.Next(6, 20), 4.0),
                "regular" => (random.Next(5, 16), 0, days - random.Next(0, 45), random.Next(4, 12), 1.5),
                "recent newcomer" => (random.Next(1, 3), days - 50, days, random.Next(3, 12), 1.0),
                "lapsed" => (random.Next(3, 12), 0, random.Next(90, 200), random.Next(3, 10), 1.2),
                _ => (1, 0, days, random.Next(1, 10), 0.8),
            };
            for (var o = 0; o < count; o++)
            {
                orders.Add((Moment(random, options.Start, random.Next(from, to + 1)), id, country, lines, scale));
            }
        }
        // Guest checkouts: orders without a customer, about a quarter of the lines as in the real file.
        var guests = options.Customers / 2;
        for (var g = 0; g < guests; g++)
        {
            orders.Add((Moment(random, options.Start, random.Next(0, days + 1)), null, "United Kingdom", random.Next(5, 30), 1.0));
        }
        orders.Sort((a, b) => a.Date.CompareTo(b.Date));

        var rows = new List<Transaction>();
        var invoice = 536365;
        foreach (var order in orders)
        {
            var number = (invoice++).ToString(CultureInfo.InvariantCulture);
            var lines = Math.Max(1, order.Lines + random.Next(-2, 3));
            var cancelled = order.Customer is not null && random.NextDouble() < 0.02;
            for (var l = 0; l < lines; l++)
            {
                var (code, description, price) = products[random.Next(products.Count)];
                var quantity = (decimal)Math.Max(1, Math.Round(random.Next(1, 13) * order.Scale * (random.NextDouble() < 0.1 ? 6 : 1)));
                var unitPrice = random.NextDouble() < 0.004 ? 0m : price;
                var row = new Transaction(0, order.Customer, number, order.Date, quantity, unitPrice, quantity * unitPrice, code, description, order.Country);
                rows.Add(row);
                if (random.NextDouble() < 0.01) rows.Add(row);
                if (cancelled)
                {
                    rows.Add(row with { InvoiceNo = "C" + number, Date = order.Date.AddHours(random.Next(1, 72)), Quantity = -quantity, Amount = -quantity * unitPrice });
                }
            }
            if (random.NextDouble() < 0.01)
            {
                // A stock adjustment: negative quantity, no customer, no price, as the real file has them.
                var (code, _, _) = products[random.Next(products.Count)];
                rows.Add(new Transaction(0, null, number + "A", order.Date, -random.Next(1, 100), 0m, 0m, code, "damaged", "United Kingdom"));
            }
        }
        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        return rows;
    }

    /// <summary>
    /// The sample as a transactions file in memory, read through the same CSV ingest as a real file, so
    /// that <c>run --sample</c> exercises every stage.
    /// </summary>
    public static TransactionStream Open(SampleOptions? options = null, IngestOptions? ingest = null)
    {
        options ??= SampleOptions.Default;
        var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            WriteCsv(writer, Generate(options));
        }
        buffer.Position = 0;
        return TransactionReader.Open(buffer, Describe(options), InputFormat.Csv, ingest);
    }

    /// <summary>How the sample is named in messages and reports.</summary>
    public static string Describe(SampleOptions options) =>
        $"sample data (seed {options.Seed}, {options.Customers.ToString("N0", CultureInfo.InvariantCulture)} customers)";

    /// <summary>Writes rows in the layout of the UCI Online Retail CSV (quoted text, ISO dates), with made-up contact columns when asked.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<Transaction> rows, bool contacts = false)
    {
        writer.WriteLine("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country" + (contacts ? ",Email,Phone,Consent" : ""));
        foreach (var r in rows)
        {
            writer.Write(Quote(r.InvoiceNo)); writer.Write(',');
            writer.Write(Quote(r.StockCode)); writer.Write(',');
            writer.Write(Quote(r.Description)); writer.Write(',');
            writer.Write(r.Quantity?.ToString(CultureInfo.InvariantCulture)); writer.Write(',');
            writer.Write(r.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)); writer.Write(',');
            writer.Write(r.UnitPrice?.ToString(CultureInfo.InvariantCulture)); writer.Write(',');
            writer.Write(r.CustomerId); writer.Write(',');
            writer.Write(Quote(r.Country));
            if (contacts) writer.Write(Contact(r.CustomerId));
            writer.WriteLine();
        }
    }

    /// <summary>A customer's made-up contact cells: a ninth without an e-mail, some in mixed case with blanks, a seventh without consent.</summary>
    private static string Contact(string? customer)
    {
        if (!int.TryParse(customer, CultureInfo.InvariantCulture, out var n)) return ",,,";
        var email = n % 9 == 0 ? "" : n % 4 == 0 ? $" Customer.{n}@Example.com " : $"customer{n}@example.com";
        return $",{Quote(email)},+44 7700 900{n % 1000:D3},{(n % 7 == 0 ? "no" : "yes")}";
    }

    private static string Quote(string? s) => s is null ? "" : $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static List<(string Code, string Description, decimal Price)> Products(Random random)
    {
        var products = new List<(string, string, decimal)>();
        for (var i = 0; i < 120; i++)
        {
            var code = (21000 + i * 37).ToString(CultureInfo.InvariantCulture) + (i % 4 == 0 ? "A" : "");
            var description = $"{Adjectives[i % Adjectives.Length]} {Things[i / Adjectives.Length % Things.Length]}";
            // Some descriptions carry a comma and a quote, as real ones do, so that the CSV needs quoting.
            if (i % 17 == 0) description += ", \"SPECIAL\" EDITION";
            products.Add((code, description, Math.Round((decimal)(0.29 + random.NextDouble() * random.NextDouble() * 12), 2)));
        }
        return products;
    }

    private static DateTime Moment(Random random, DateTime start, int day) =>
        start.Date.AddDays(day).AddHours(8 + random.Next(0, 10)).AddMinutes(random.Next(0, 60));

    private static T Pick<T>(Random random, T[] items, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return items[i];
        }
        return items[^1];
    }
}
