using SkiaSharp;

namespace Segmentation.Reporting.Pdf;

/// <summary>
/// Lays a <see cref="ReportDocument"/> out on pages and draws it with SkiaSharp's PDF backend: text as text
/// (searchable, fonts embedded), charts as vectors. The page count is known before drawing, so every page
/// carries "Page X of Y".
/// </summary>
public static class PdfRenderer
{
    private sealed record Item(string Kind, SKRect Rect, string? Text, Action<SKCanvas> Draw);

    public static RenderedPdf Render(ReportDocument document, Stream output, PdfTheme? theme = null)
    {
        theme ??= PdfTheme.A4;
        ReportFonts.EnsureRegistered();
        var pages = new Layout(theme).Run(document.Blocks);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Subject = document.Source,
            Creator = "Segmentation",
            Producer = "Segmentation (SkiaSharp PDF)",
            RasterDpi = 150,
        };
        var boxes = new List<LayoutBox>();
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var items = pages[p].Concat(Frame(document, theme, p + 1, pages.Count)).ToList();
                var canvas = pdf.BeginPage(theme.PageWidth, theme.PageHeight);
                foreach (var item in items)
                {
                    item.Draw(canvas);
                    boxes.Add(new LayoutBox(p + 1, item.Kind, item.Rect, item.Text));
                }
                pdf.EndPage();
            }
            pdf.Close();
        }
        return new RenderedPdf(pages.Count, boxes);
    }

    /// <summary>Header (title, data source) and footer (run date, page X of Y) of one page.</summary>
    private static IEnumerable<Item> Frame(ReportDocument doc, PdfTheme t, int page, int pages)
    {
        var font = ReportFonts.Font(ReportFonts.Regular, t.SmallSize);
        var bold = ReportFonts.Font(ReportFonts.Bold, t.SmallSize);
        var top = t.Margin;
        var baseline = top + t.HeaderHeight - 8;
        var half = (t.PageWidth - 2 * t.Margin) / 2 - 6;
        var title = Fit(doc.Title, bold, half);
        var source = Fit(doc.Source, font, half);
        yield return TextItem("header", title, bold, t.Margin, baseline, t.Ink, Align.Left);
        yield return TextItem("header", source, font, t.PageWidth - t.Margin, baseline, t.Muted, Align.Right);
        yield return new Item("rule", new SKRect(t.Margin, top + t.HeaderHeight - 2, t.PageWidth - t.Margin, top + t.HeaderHeight - 1.5f), null,
            c => c.DrawRect(new SKRect(t.Margin, top + t.HeaderHeight - 2, t.PageWidth - t.Margin, top + t.HeaderHeight - 1.5f), Fill(t.Rule)));
        var footer = t.PageHeight - t.Margin - 4;
        yield return TextItem("footer", Fit(doc.RunDate, font, half), font, t.Margin, footer, t.Muted, Align.Left);
        yield return TextItem("footer", $"Page {page} of {pages}", font, t.PageWidth - t.Margin, footer, t.Muted, Align.Right);
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        while (text.Length > 1 && font.MeasureText(text + "...") > width) text = text[..^1];
        return text + "...";
    }

    private static Item TextItem(string kind, string text, SKFont font, float x, float baseline, SKColor color, Align align)
    {
        var width = font.MeasureText(text);
        var left = align == Align.Left ? x : x - width;
        var metrics = font.Metrics;
        var rect = new SKRect(left, baseline + metrics.Ascent, left + width, baseline + metrics.Descent);
        return new Item(kind, rect, text, c => c.DrawText(text, left, baseline, SKTextAlign.Left, font, Fill(color)));
    }

    private static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Stroke(SKColor color, float width) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    /// <summary>Places blocks top to bottom, starting a page when the next piece does not fit.</summary>
    private sealed class Layout(PdfTheme t)
    {
        private readonly List<List<Item>> _pages = [[]];
        private readonly SKRect _content = t.Content;
        private float _y = t.Content.Top;

        private List<Item> Page => _pages[^1];
        private float Width => _content.Width;

        public List<List<Item>> Run(IEnumerable<Block> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case PageBreakBlock: NewPageUnlessEmpty(); break;
                    case SpacerBlock s: Space(s.Height); break;
                    case HeadingBlock h: Heading(h); break;
                    case ParagraphBlock p: Paragraph(p); break;
                    case KeyFiguresBlock k: KeyFigures(k); break;
                    case TableBlock table: Table(table); break;
                    case ChartBlock chart: Chart(chart); break;
                    default: throw new NotSupportedException(block.GetType().Name);
                }
            }
            return _pages;
        }

        private void NewPageUnlessEmpty()
        {
            if (Page.Count > 0) { _pages.Add([]); _y = _content.Top; }
        }

        private void Ensure(float height)
        {
            if (_y + height > _content.Bottom && Page.Count > 0) { _pages.Add([]); _y = _content.Top; }
        }

        private void Space(float height)
        {
            if (_y + height > _content.Bottom) { _pages.Add([]); _y = _content.Top; return; }
            _y += height;
        }

        private void Heading(HeadingBlock h)
        {
            var font = ReportFonts.Font(ReportFonts.Bold, h.Level == 1 ? t.Heading1Size : t.Heading2Size);
            var lh = font.Size * 1.3f;
            var lines = TextWrap.Lines(h.Text, font, Width);
            // Keep a heading with what follows it: never alone at the bottom of a page.
            Ensure(lines.Count * lh + 90);
            if (h.Level == 2) _y += 4;
            foreach (var line in lines)
            {
                Page.Add(TextItem("heading", line, font, _content.Left, _y - font.Metrics.Ascent, h.Level == 1 ? t.Accent : t.Ink, Align.Left));
                _y += lh;
            }
            _y += h.Level == 1 ? t.Gap : t.Gap / 2;
        }

        private void Paragraph(ParagraphBlock p)
        {
            var font = ReportFonts.Font(p.Bold ? ReportFonts.Bold : ReportFonts.Regular, p.Muted ? t.SmallSize + 0.5f : t.BodySize);
            var lh = font.Size * 1.4f;
            foreach (var line in TextWrap.Lines(p.Text, font, Width))
            {
                Ensure(lh);
                Page.Add(TextItem("text", line, font, _content.Left, _y - font.Metrics.Ascent, p.Muted ? t.Muted : t.Ink, Align.Left));
                _y += lh;
            }
            _y += t.Gap;
        }

        private void KeyFigures(KeyFiguresBlock k)
        {
            const float height = 46;
            Ensure(height);
            var n = k.Figures.Count;
            var w = (Width - t.Gap * (n - 1)) / n;
            for (var i = 0; i < n; i++)
            {
                var rect = new SKRect(_content.Left + i * (w + t.Gap), _y, _content.Left + i * (w + t.Gap) + w, _y + height);
                var (label, value) = (k.Figures[i].Label, k.Figures[i].Value);
                var labelFont = ReportFonts.Font(ReportFonts.Regular, t.SmallSize);
                var valueFont = ReportFonts.Font(ReportFonts.Bold, 14);
                while (valueFont.Size > 7 && valueFont.MeasureText(value) > w - 12) valueFont.Size -= 0.5f;
                var shownLabel = Fit(label, labelFont, w - 12);
                Page.Add(new Item("tile", rect, $"{shownLabel}: {value}", c =>
                {
                    c.DrawRoundRect(rect, 3, 3, Fill(t.TileBackground));
                    c.DrawText(shownLabel, rect.Left + 6, rect.Top + 14, SKTextAlign.Left, labelFont, Fill(t.Muted));
                    c.DrawText(value, rect.Left + 6, rect.Top + 36, SKTextAlign.Left, valueFont, Fill(t.Ink));
                }));
            }
            _y += height + t.Gap;
        }

        private void Table(TableBlock table)
        {
            var font = ReportFonts.Font(ReportFonts.Regular, t.TableSize);
            var bold = ReportFonts.Font(ReportFonts.Bold, t.TableSize);
            var lh = t.TableSize * 1.3f;
            const float pad = 3;
            var total = table.Columns.Sum(c => c.Weight);
            var widths = table.Columns.Select(c => Width * c.Weight / total).ToArray();

            List<string>[] Wrap(IReadOnlyList<string> cells, SKFont f) =>
                cells.Select((cell, i) => TextWrap.Lines(cell, f, widths[i] - 2 * pad)).ToArray();
            float Height(List<string>[] cells) => cells.Max(c => c.Count) * lh + 2 * pad;

            var header = Wrap(table.Columns.Select(c => c.Header).ToArray(), bold);
            var headerHeight = Height(header);
            var rows = table.Rows.Select((r, i) => Wrap(r, i == table.BoldRow ? bold : font)).ToList();

            void PlaceRow(List<string>[] cells, float height, bool isHeader, bool isBold)
            {
                var x = _content.Left;
                for (var i = 0; i < cells.Length; i++)
                {
                    var rect = new SKRect(x, _y, x + widths[i], _y + height);
                    var lines = cells[i];
                    var align = table.Columns[i].Align;
                    var f = isHeader || isBold ? bold : font;
                    Page.Add(new Item(isHeader ? "table-header" : "table-cell", rect, string.Join(" ", lines), c =>
                    {
                        if (isHeader) c.DrawRect(rect, Fill(t.TableHeader));
                        c.DrawLine(rect.Left, rect.Bottom, rect.Right, rect.Bottom, Stroke(t.Rule, 0.5f));
                        var baseline = rect.Top + pad - f.Metrics.Ascent;
                        foreach (var line in lines)
                        {
                            var lx = align == Align.Left ? rect.Left + pad : rect.Right - pad - f.MeasureText(line);
                            c.DrawText(line, lx, baseline, SKTextAlign.Left, f, Fill(t.Ink));
                            baseline += lh;
                        }
                    }));
                    x += widths[i];
                }
                _y += height;
            }

            // The header never stands alone at the bottom of a page.
            Ensure(headerHeight + (rows.Count > 0 ? Height(rows[0]) : 0));
            PlaceRow(header, headerHeight, true, false);
            for (var r = 0; r < rows.Count; r++)
            {
                var h = Height(rows[r]);
                if (_y + h > _content.Bottom)
                {
                    _pages.Add([]);
                    _y = _content.Top;
                    PlaceRow(header, headerHeight, true, false);
                }
                PlaceRow(rows[r], h, false, r == table.BoldRow);
            }
            _y += t.Gap;
        }

        private void Chart(ChartBlock chart)
        {
            var caption = ReportFonts.Font(ReportFonts.Regular, t.SmallSize);
            // A caption wraps: it says what to look for, which takes more than a line.
            var lines = TextWrap.Lines(chart.Caption, caption, Width);
            var lineHeight = t.SmallSize * 1.35f;
            var captionHeight = t.SmallSize * 0.25f + lines.Count * lineHeight;
            Ensure(chart.Height + captionHeight);
            var rect = new SKRect(_content.Left, _y, _content.Right, _y + chart.Height);
            Page.Add(new Item("chart", rect, chart.Caption, c => DrawChart(c, rect, chart.Build)));
            _y += chart.Height + 2;
            foreach (var line in lines)
            {
                Page.Add(TextItem("caption", line, caption, _content.Left, _y - caption.Metrics.Ascent, t.Muted, Align.Left));
                _y += lineHeight;
            }
            _y += t.SmallSize * 0.25f + t.Gap;
        }

        private static void DrawChart(SKCanvas canvas, SKRect rect, Action<ScottPlot.Plot> build)
        {
            // ScottPlot thinks in pixels; drawing at 4/3 of the size and scaling by 3/4 gives text of a print size.
            const float scale = 0.75f;
            var plot = new ScottPlot.Plot();
            plot.Font.Set(ReportFonts.Family);
            build(plot);
            var (w, h) = ((int)(rect.Width / scale), (int)(rect.Height / scale));
            // Lay the plot out once off the page; rendering straight away would draw the content twice.
            plot.RenderInMemory(w, h);
            canvas.Save();
            canvas.ClipRect(rect);
            canvas.Translate(rect.Left, rect.Top);
            canvas.Scale(scale);
            plot.Render(canvas, w, h);
            canvas.Restore();
        }
    }
}
