using Segmentation.IO;

namespace Segmentation.Prepare.Sample;

/// <summary><c>sample</c>: the synthetic dataset written as a file in the Online Retail layout (.csv or .csv.gz), atomically.</summary>
internal static class SampleFile
{
    /// <param name="rows">Null: the sample of <paramref name="options"/>; a number: a large streamed file of this many rows (benchmarks).</param>
    /// <returns>The number of rows written.</returns>
    public static long Write(string path, SampleOptions options, long? rows = null)
    {
        long count = 0;
        TextOutput.Write(path, writer =>
        {
            if (rows is { } n)
            {
                count = ScaleGenerator.Write(writer, new ScaleOptions(n, options.Customers, options.Seed));
            }
            else
            {
                var generated = SampleGenerator.Generate(options);
                SampleGenerator.WriteCsv(writer, generated, options.Contacts);
                count = generated.Count;
            }
        });
        return count;
    }

    /// <summary>How a written sample is described to people.</summary>
    public static string Describe(SampleOptions options, long? rows) =>
        rows is null ? SampleGenerator.Describe(options) : $"up to {Formatting.Display.Count(options.Customers)} customers, seed {options.Seed}";
}
