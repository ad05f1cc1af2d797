using Segmentation.Formatting;
using Segmentation.Prepare;

namespace Segmentation.App;

/// <summary>A line of the data-quality account as a person reads it: a label and its figure.</summary>
public sealed record QualityLine(string Label, string Value);

/// <summary>The data-quality account in words and figures, one list for the console and the web page.</summary>
public static class QualityLines
{
    public static IReadOnlyList<QualityLine> Of(DataQualityAccount q)
    {
        var lines = new List<QualityLine> { new("rows in", Display.Count(q.RowsIn)) };
        lines.AddRange(q.Removed.Select(rule => new QualityLine("- " + rule.Description, Display.Count(rule.Rows))));
        lines.Add(new("rows out", Display.Count(q.RowsOut)));
        if (q.PurchasesReduced > 0) lines.Add(new("  of which reduced by a partial cancellation", Display.Count(q.PurchasesReduced)));
        lines.Add(new($"exact duplicate rows found ({(q.DuplicatesDropped ? "dropped" : "kept")})", Display.Count(q.DuplicateRowsFound)));
        lines.Add(new("customers", Display.Count(q.Customers)));
        lines.Add(new("invoices", Display.Count(q.Invoices)));
        lines.Add(new("revenue", Display.Money(q.Revenue)));
        if (q.FirstDate is { } first && q.LastDate is { } last) lines.Add(new("period", $"{Display.DateTime(first)} to {Display.DateTime(last)}"));
        lines.AddRange(q.BadRowExamples.Select(e => new QualityLine("skipped", e)));
        return lines;
    }

    /// <summary>Which header was read as which field ("customer = customer_id, ..."); empty when the source has no header (the sample's are its own).</summary>
    public static string Columns(DataQualityAccount q) =>
        string.Join(", ", q.Columns.Select(c => $"{c.Field} = {c.Header}"));
}
