using System.Globalization;
using Segmentation.Prepare;

namespace Segmentation.Tests.Pipeline;

/// <summary>The RFM table the engine's result is read into: in id order, one string per country.</summary>
public sealed class RfmTableOrderTests
{
    [Fact]
    public void Customers_come_in_ordinal_id_order_and_share_one_string_per_country()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rfm-order-{Guid.NewGuid():N}.csv");
        try
        {
            var ids = new[] { "b7", "B7", "a10", "a9", "c", "a1" };
            var lines = ids.Select((id, i) => string.Create(CultureInfo.InvariantCulture,
                $"{id},INV{i},2011-0{1 + (i % 3)}-1{i} 10:00:00,2,1.50,P{i},Thing,{(i % 2 == 0 ? "France" : "United Kingdom")}"));
            File.WriteAllLines(path, ["CustomerID,InvoiceNo,InvoiceDate,Quantity,UnitPrice,StockCode,Description,Country", .. lines]);

            var read = Assert.IsType<EngineRead.Prepared>(FileEngineRead.Read(path, PrepareOptions.Default, progress: null));
            var customers = read.Data.Rfm.Customers;

            Assert.Equal(ids.Order(StringComparer.Ordinal), customers.Select(c => c.CustomerId));
            foreach (var country in new[] { "France", "United Kingdom" })
            {
                var same = customers.Where(c => c.Country == country).ToList();
                Assert.Equal(3, same.Count);
                Assert.All(same, c => Assert.Same(same[0].Country, c.Country));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
