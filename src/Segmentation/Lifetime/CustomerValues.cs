using System.Collections;
using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// Every customer's value, held by column: the purchase figures once per (x, t_x, T), the rest one array per figure.
/// A <see cref="CustomerValue"/> is made when it is read; ten million of them made up front were a fifth of valuing
/// ten million customers and most of its memory.
/// </summary>
internal sealed class CustomerValues(BtydSummary summary, AtRiskRule atRisk, GammaGammaParameters spend, Groups<(int X, double Tx, double T)> patterns,
    PatternFigures[] figures, double[] clv, double[] low, double[] high, double[] ranks) : IReadOnlyList<CustomerValue>
{
    public int Count => clv.Length;

    public CustomerValue this[int index]
    {
        get
        {
            var c = summary.Customers[index];
            var f = figures[patterns.Of(index)];
            return new CustomerValue(c.CustomerId, f.Alive, f.NoPurchase, f.Expected, GammaGamma.ExpectedAverageValue(spend, c.Frequency, c.MonetaryValue),
                clv[index], low[index], high[index], ranks[index])
            {
                AtRiskOfLeaving = atRisk.Flags(ranks[index], f.Alive),
                ExpectedNextPurchase = f.NextDays is { } days ? summary.CalibrationEnd.Date.AddDays(days) : null,
                PurchaseWithin = f.Within,
            };
        }
    }

    public IEnumerator<CustomerValue> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
