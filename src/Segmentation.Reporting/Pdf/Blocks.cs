namespace Segmentation.Reporting.Pdf;

/// <summary>A piece of the report's flow. The layout places blocks top to bottom and across pages.</summary>
public abstract record Block;

public sealed record HeadingBlock(string Text, int Level) : Block;

public sealed record ParagraphBlock(string Text, bool Muted = false, bool Bold = false) : Block;

public sealed record KeyFigure(string Label, string Value);

public sealed record KeyFiguresBlock(IReadOnlyList<KeyFigure> Figures) : Block;

public enum Align { Left, Right }

public sealed record TableColumn(string Header, float Weight, Align Align = Align.Left);

/// <summary>A table; its header row repeats on every page it spans, and no row is split.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int? BoldRow = null) : Block;

/// <summary>A chart drawn by ScottPlot as vectors onto the page; <paramref name="Id"/> names it for the HTML report's interactive twin.</summary>
public sealed record ChartBlock(float Height, Action<ScottPlot.Plot> Build, string Caption, string Id) : Block;

public sealed record PageBreakBlock : Block;

public sealed record SpacerBlock(float Height) : Block;
