namespace Segmentation.Numerics;

/// <summary>Draws from the distributions the purchase models are made of, from a seeded <see cref="Random"/> (the same seed, the same draws).</summary>
internal static class RandomDraws
{
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Exponential with the given rate.</summary>
    public static double Exponential(Random random, double rate) => -Math.Log(1 - random.NextDouble()) / rate;

    /// <summary>Gamma(shape, rate) by Marsaglia and Tsang (2000); a shape below 1 by their boost, Gamma(shape + 1) U^(1/shape).</summary>
    public static double Gamma(Random random, double shape, double rate)
    {
        if (shape < 1) return Gamma(random, shape + 1, rate) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Gaussian(random);
                v = 1 + c * z;
            }
            while (v <= 0);
            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v / rate;
        }
    }

    public static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a, 1);
        return x / (x + Gamma(random, b, 1));
    }
}
