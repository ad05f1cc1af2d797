using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Segmentation.Web;

/// <summary>
/// The page, its script and its style travel inside the assembly and are served from it: the app needs no folder
/// beside it, no CDN and no build step for its front end.
/// </summary>
internal static class PageAssets
{
    private static readonly (string Route, string Resource, string Type)[] Assets =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/assets/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (route, resource, type) in Assets)
        {
            var bytes = Read(resource);
            app.MapGet(route, () => Results.Bytes(bytes, type)).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Segmentation.Web.Page." + name)
            ?? throw new InvalidOperationException($"The page asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
