namespace Segmentation.Lifetime;

/// <summary>How a purchase model lets a customer leave.</summary>
internal enum DropoutKind
{
    /// <summary>At a purchase, with a chance of their own (BG/NBD, MBG/NBD): Beta(a, b) across customers.</summary>
    AtPurchase,

    /// <summary>At any time, at a rate of their own (Pareto/NBD): Gamma(s, beta) across customers.</summary>
    Rate,

    /// <summary>Before each purchase opportunity, with a chance of their own (BG/BB): Beta(gamma, delta) across customers.</summary>
    BeforePeriod,
}
