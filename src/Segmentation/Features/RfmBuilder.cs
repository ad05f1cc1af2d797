using System.Runtime.InteropServices;
using Segmentation.Ingest;

namespace Segmentation.Features;

/// <summary>
/// Accumulates cleaned rows into per-customer RFM in one pass. Memory grows with customers and orders,
/// never with rows, so a file of any length streams through it.
/// </summary>
internal sealed class RfmBuilder
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Accumulator> _customers = [];
    // An order is an invoice number; without an invoice column, a distinct timestamp of the customer.
    private readonly HashSet<(int Customer, string? Invoice, long Ticks)> _orders = [];
    private readonly HashSet<string> _invoices = new(StringComparer.Ordinal);
    private string? _lastCustomer;
    private int _lastIndex;

    public long Rows { get; private set; }
    public decimal Revenue { get; private set; }
    public DateTime? FirstDate { get; private set; }
    public DateTime? LastDate { get; private set; }
    public int Customers => _customers.Count;

    /// <summary>Distinct invoices, or distinct customer-timestamp orders when the file has no invoice column.</summary>
    public long Orders => _invoices.Count > 0 ? _invoices.Count : _orders.Count;

    public void Add(in Transaction row)
    {
        var customer = row.CustomerId ?? throw new ArgumentException("A row without a customer cannot be added.", nameof(row));
        // An invoice's lines share one customer string (the readers hand out the same instance for a repeated
        // cell): the same reference as the last row's needs no hashing.
        var i = _lastIndex;
        if (!ReferenceEquals(customer, _lastCustomer) && !_index.TryGetValue(customer, out i))
        {
            i = _customers.Count;
            _index.Add(customer, i);
            _customers.Add(new Accumulator { First = row.Date, Last = row.Date, Country = row.Country });
        }
        _lastCustomer = customer;
        _lastIndex = i;
        ref var acc = ref CollectionsMarshal.AsSpan(_customers)[i];
        if (row.Date > acc.Last) acc.Last = row.Date;
        if (row.Date < acc.First) acc.First = row.Date;
        acc.Monetary += row.Amount;
        acc.Lines++;
        // An invoice's lines come together: only a change of invoice can be a new order, which spares the set look-up.
        if (row.InvoiceNo is null || !string.Equals(row.InvoiceNo, acc.LastInvoice, StringComparison.Ordinal))
        {
            var order = row.InvoiceNo is null ? (i, (string?)null, row.Date.Ticks) : (i, row.InvoiceNo, 0L);
            if (_orders.Add(order)) acc.Orders++;
            if (row.InvoiceNo is not null) _invoices.Add(row.InvoiceNo);
            acc.LastInvoice = row.InvoiceNo;
        }

        Rows++;
        Revenue += row.Amount;
        if (FirstDate is null || row.Date < FirstDate) FirstDate = row.Date;
        if (LastDate is null || row.Date > LastDate) LastDate = row.Date;
    }

    /// <summary>The snapshot the reference uses: midnight after the last purchase.</summary>
    public DateTime DefaultSnapshot() =>
        (LastDate ?? throw new InvalidOperationException("No rows were added.")).Date.AddDays(1);

    public RfmTable Build(DateTime? snapshot = null)
    {
        var asOf = snapshot ?? DefaultSnapshot();
        var rows = new List<CustomerRfm>(_customers.Count);
        foreach (var (id, i) in _index)
        {
            var acc = _customers[i];
            var recency = (int)Math.Floor((asOf - acc.Last).TotalDays);
            rows.Add(new CustomerRfm(id, recency, acc.Orders, acc.Monetary, acc.First, acc.Last, acc.Lines, acc.Country));
        }
        rows.Sort((a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        return new RfmTable(asOf, rows);
    }

    private struct Accumulator
    {
        public DateTime First;
        public DateTime Last;
        public decimal Monetary;
        public int Lines;
        public int Orders;
        public string? Country;
        public string? LastInvoice;
    }
}
