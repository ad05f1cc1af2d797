using System.Net;
using Segmentation.Tests.Reporting;

namespace Segmentation.Web.Tests;

/// <summary>The dashboard open in headless Chromium (the HTML report tests' page), with what the tests do on it.</summary>
internal sealed class Dashboard : IAsyncDisposable
{
    private readonly ChromiumPage _chromium;
    private readonly Server _server;

    private Dashboard(ChromiumPage chromium, Server server)
    {
        _chromium = chromium;
        _server = server;
    }

    public PuppeteerSharp.IPage Page => _chromium.Page;
    public List<string> Errors => _chromium.Errors;
    public List<string> Dialogs => _chromium.Dialogs;

    public static async Task<Dashboard> Open(Server server)
    {
        var chromium = await ChromiumPage.OpenAddress(server.Url);
        chromium.Page.DefaultTimeout = 180_000;
        return new Dashboard(chromium, server);
    }

    public Task<string> Text(string selector) => Page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent", selector);

    public Task<bool> Visible(string selector) => Page.EvaluateFunctionAsync<bool>("s => !document.querySelector(s).hidden", selector);

    public Task<int> Rows(string table) => Page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s + ' tr').length - 1", table);

    /// <summary>Puts <paramref name="path"/> in the file input, as choosing it in the dialog does.</summary>
    public async Task Upload(string path)
    {
        var input = await Page.QuerySelectorAsync("#file");
        await input.UploadFileAsync(path);
    }

    /// <summary>Waits until the page shows a run of <paramref name="file"/>, or an error, or the mapping form.</summary>
    public async Task WaitForOutcome(string file) => await Page.WaitForFunctionAsync(
        "f => document.querySelector('#source').textContent.startsWith(f + ':') || !document.querySelector('#error').hidden || !document.querySelector('#mapping').hidden",
        new PuppeteerSharp.WaitForFunctionOptions { Timeout = 300_000, PollingInterval = 200 }, file);

    /// <summary>What the page's download link gives, fetched with the page's own session cookie as the browser's download would be.</summary>
    public async Task<byte[]> Download(string linkId)
    {
        var href = await Page.EvaluateFunctionAsync<string>("id => document.getElementById(id).href", linkId);
        var container = new CookieContainer();
        foreach (var c in await Page.GetCookiesAsync(_server.Url)) container.Add(new Uri(_server.Url), new Cookie(c.Name, c.Value));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = container });
        return await client.GetByteArrayAsync(href);
    }

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();
}
