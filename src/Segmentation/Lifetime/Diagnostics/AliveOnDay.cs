namespace Segmentation.Lifetime.Diagnostics;

/// <summary>A customer's probability of still being a customer at the end of <see cref="Day"/>, given their purchases to then.</summary>
public sealed record AliveOnDay(DateTime Day, double Alive, bool Purchased);
