using Plotly.NET;

namespace Segmentation.Interactive;

/// <summary>
/// A notebook chart twice: interactive (Plotly.NET, drawn by script where a notebook runs) and as a PNG image, which
/// GitHub and nbviewer show where no script runs. <c>Show</c> (setup.csx) displays both.
/// </summary>
public sealed record Figure(GenericChart Chart, StaticImage Image);

/// <summary>PNG bytes, displayed as an image/png output.</summary>
public sealed record StaticImage(byte[] Png)
{
    public string Base64() => Convert.ToBase64String(Png);
}
