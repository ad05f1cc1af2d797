using System.Diagnostics;
using Segmentation.Formatting;
using UglyToad.PdfPig;

namespace Segmentation.Tests.Reporting;

[Collection(ReportCollection.Name)]
public sealed class PdfReportTests(ReportFixture report)
{
    private string Text()
    {
        using var pdf = PdfDocument.Open(report.PdfPath);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>
    /// Text without any whitespace: PdfPig splits words where the font's kerning leaves gaps ("segm entation"),
    /// so text is compared letter by letter.
    /// </summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void AssertHas(string expected, string text) =>
        Assert.True(Squash(text).Contains(Squash(expected), StringComparison.Ordinal), $"the PDF does not say: {expected}");

    [Fact]
    public void The_pdf_names_every_segment_and_states_every_strategy()
    {
        var text = Text();

        foreach (var p in report.Run.Profiles)
        {
            AssertHas(p.Segment, text);
            AssertHas(p.Actions, text);
            AssertHas(p.Description, text);
        }
    }

    [Fact]
    public void The_pdf_lists_the_metrics_of_every_k()
    {
        var text = Text();

        foreach (var m in report.Run.Sweep.Metrics)
        {
            AssertHas($"{Display.Number(m.Inertia, 1)} {Display.Number(m.Silhouette, 4)} {Display.Number(m.DaviesBouldin, 4)} {Display.Number(m.CalinskiHarabasz, 1)}", text);
        }
    }

    [Fact]
    public void Every_page_carries_the_title_the_source_the_run_date_and_page_x_of_y()
    {
        using var pdf = PdfDocument.Open(report.PdfPath);
        var pages = pdf.GetPages().ToList();

        Assert.Equal(report.Pdf.Pages, pdf.NumberOfPages);
        Assert.InRange(pages.Count, 8, 30);
        for (var i = 0; i < pages.Count; i++)
        {
            var text = string.Join(" ", pages[i].GetWords().Select(w => w.Text));
            AssertHas("Customer segmentation", text);
            AssertHas("Data: online_retail.csv.gz", text);
            AssertHas("Run 2026-11-25", text);
            AssertHas($"Page {i + 1} of {pages.Count}", text);
        }
    }

    [Fact]
    public void The_sections_come_in_order()
    {
        var text = Squash(Text());
        string[] sections = ["Executive summary", "Segment profiles", "Strategy", "Model quality", "Charts", "RFM score segments", "Data quality", "Method"];

        var positions = sections.Select(s => text.IndexOf(Squash(s), StringComparison.Ordinal)).ToList();

        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Nothing_is_drawn_outside_the_page_and_no_two_boxes_overlap()
    {
        var theme = Segmentation.Reporting.Pdf.PdfTheme.A4;
        var boxes = report.Pdf.Boxes;

        Assert.All(boxes, b => Assert.True(b.Rect.Left >= 0 && b.Rect.Top >= 0 && b.Rect.Right <= theme.PageWidth && b.Rect.Bottom <= theme.PageHeight, $"page {b.Page}: {b.Kind} '{b.Text}' at {b.Rect} leaves the page"));
        var body = boxes.Where(b => b.Kind is not ("header" or "footer" or "rule")).ToList();
        Assert.All(body, b => Assert.True(b.Rect.Bottom <= theme.Content.Bottom + 0.5f && b.Rect.Top >= theme.Content.Top - 0.5f, $"page {b.Page}: {b.Kind} '{b.Text}' at {b.Rect} leaves the content area"));
        foreach (var page in boxes.GroupBy(b => b.Page))
        {
            var list = page.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var a = list[i].Rect;
                    var b = list[j].Rect;
                    a.Inflate(-0.25f, -0.25f);
                    Assert.False(a.IntersectsWith(b), $"page {page.Key}: {list[i].Kind} '{list[i].Text}' overlaps {list[j].Kind} '{list[j].Text}'");
                }
            }
        }
    }

    [Fact]
    public void A_table_that_spans_pages_repeats_its_header()
    {
        var doc = new Segmentation.Reporting.Pdf.ReportDocument("T", "S", "D")
            .Table([new("Name", 1), new("Value", 1, Segmentation.Reporting.Pdf.Align.Right)],
                Enumerable.Range(1, 150).Select(i => (IReadOnlyList<string>)[$"row {i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        using var stream = new MemoryStream();

        var rendered = Segmentation.Reporting.Pdf.PdfRenderer.Render(doc, stream);

        Assert.True(rendered.Pages >= 2);
        Assert.All(Enumerable.Range(1, rendered.Pages), p => Assert.Contains(rendered.Boxes, b => b.Page == p && b.Kind == "table-header" && b.Text == "Name"));
        Assert.Equal(150, rendered.Boxes.Count(b => b.Kind == "table-cell" && b.Text!.StartsWith("row ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_font_is_embedded()
    {
        var output = Run("pdffonts", report.PdfPath);

        var fonts = output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        // Columns: name type encoding emb sub uni object ID; "emb" is the fourth from the right.
        Assert.All(fonts, line => Assert.Equal("yes", line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public void Text_extracted_from_the_pdf_has_every_word_whole()
    {
        // pdftotext, as a reader's search or copy would: a word drawn with gaps inside comes out in pieces.
        var extracted = Words(Run("pdftotext", "-enc", "UTF-8", report.PdfPath, "-")).ToHashSet(StringComparer.Ordinal);
        // Every word of every line, cell and label the renderer drew, on every page.
        var written = report.Pdf.Boxes.Where(b => b.Text is not null).SelectMany(b => Words(b.Text!)).Where(w => w.Length > 1).Distinct().ToList();

        var broken = written.Where(w => !extracted.Contains(w)).ToList();

        Assert.True(written.Count > 300, $"only {written.Count} words to look for");
        Assert.True(broken.Count == 0, $"words not found whole in the PDF's text: {string.Join(", ", broken)}");
    }

    private static IEnumerable<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\p{L}+").Select(m => m.Value);

    [Fact]
    public void Poppler_renders_every_page()
    {
        var prefix = Path.Combine(report.Folder, "page");

        Run("pdftoppm", "-r", "30", "-png", report.PdfPath, prefix);

        var pngs = Directory.GetFiles(report.Folder, "page-*.png");
        Assert.Equal(report.Pdf.Pages, pngs.Length);
        Assert.All(pngs, png => Assert.True(new FileInfo(png).Length > 1_000, $"{png} is blank"));
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils)");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
        return output;
    }
}
