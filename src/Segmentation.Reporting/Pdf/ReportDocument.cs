namespace Segmentation.Reporting.Pdf;

/// <summary>
/// A report as a list of blocks, built fluently so that the code that composes a report reads like its
/// table of contents.
/// </summary>
public sealed class ReportDocument(string title, string source, string runDate)
{
    private readonly List<Block> _blocks = [];

    public string Title { get; } = title;
    public string Source { get; } = source;
    public string RunDate { get; } = runDate;
    public IReadOnlyList<Block> Blocks => _blocks;

    public ReportDocument Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    /// <summary>A top-level section: starts on a new page (except the first) with a level-1 heading.</summary>
    public ReportDocument Section(string heading, Action<ReportDocument> content)
    {
        if (_blocks.Count > 0) Add(new PageBreakBlock());
        Add(new HeadingBlock(heading, 1));
        content(this);
        return this;
    }

    public ReportDocument Heading(string text) => Add(new HeadingBlock(text, 2));
    public ReportDocument Paragraph(string text) => Add(new ParagraphBlock(text));
    public ReportDocument Note(string text) => Add(new ParagraphBlock(text, Muted: true));
    public ReportDocument KeyFigures(params KeyFigure[] figures) => Add(new KeyFiguresBlock(figures));
    public ReportDocument Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, int? boldRow = null) =>
        Add(new TableBlock(columns, rows.ToList(), boldRow));
    public ReportDocument Chart(string id, float height, string caption, Action<ScottPlot.Plot> build) => Add(new ChartBlock(height, build, caption, id));
    public ReportDocument Space(float height = 6) => Add(new SpacerBlock(height));
}
