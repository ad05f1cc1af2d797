using SkiaSharp;

namespace Segmentation.Reporting.Pdf;

/// <summary>Where the layout put something: tests check that boxes stay on the page and never overlap.</summary>
public sealed record LayoutBox(int Page, string Kind, SKRect Rect, string? Text);

/// <summary>The outcome of rendering: page count and every box placed.</summary>
public sealed record RenderedPdf(int Pages, IReadOnlyList<LayoutBox> Boxes);
