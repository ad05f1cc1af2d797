using SkiaSharp;

namespace Segmentation.Reporting.Pdf;

/// <summary>Page geometry, type sizes and colours of the PDF, in points (1/72 inch). A4 by default.</summary>
public sealed record PdfTheme
{
    public float PageWidth { get; init; } = 595.28f;
    public float PageHeight { get; init; } = 841.89f;
    public float Margin { get; init; } = 46;
    public float HeaderHeight { get; init; } = 22;
    public float FooterHeight { get; init; } = 18;
    public float Gap { get; init; } = 8;
    public float BodySize { get; init; } = 9.5f;
    public float SmallSize { get; init; } = 7.5f;
    public float TableSize { get; init; } = 8f;
    public float Heading1Size { get; init; } = 16;
    public float Heading2Size { get; init; } = 12;
    public SKColor Ink { get; init; } = new(0x22, 0x2B, 0x36);
    public SKColor Muted { get; init; } = new(0x6B, 0x75, 0x80);
    public SKColor Accent { get; init; } = new(0x1F, 0x5F, 0x99);
    public SKColor Rule { get; init; } = new(0xD5, 0xDA, 0xE0);
    public SKColor TableHeader { get; init; } = new(0xE8, 0xEE, 0xF5);
    public SKColor TileBackground { get; init; } = new(0xF3, 0xF6, 0xFA);

    public SKRect Content => new(Margin, Margin + HeaderHeight + Gap, PageWidth - Margin, PageHeight - Margin - FooterHeight - Gap);

    public static PdfTheme A4 { get; } = new();
}
