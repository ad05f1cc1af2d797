using System.Net;
using PuppeteerSharp;

namespace Segmentation.Web.Tests;

/// <summary>The dashboard open in headless Chromium, with every console error, page error and dialog it raises.</summary>
internal sealed class Dashboard : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly Server _server;

    private Dashboard(IBrowser browser, IPage page, Server server)
    {
        _browser = browser;
        _server = server;
        Page = page;
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) Errors.Add($"{e.Message.Text} ({e.Message.Location?.URL})"); };
        page.PageError += (_, e) => Errors.Add(e.Message);
        page.Dialog += async (_, e) =>
        {
            Dialogs.Add(e.Dialog.Message);
            await e.Dialog.Dismiss();
        };
    }

    public IPage Page { get; }
    public List<string> Errors { get; } = [];
    public List<string> Dialogs { get; } = [];

    public static async Task<Dashboard> Open(Server server)
    {
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Chromium is not installed (./test.sh installs it: apt-get install chromium)."),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"],
        });
        var page = await browser.NewPageAsync();
        page.DefaultTimeout = 180_000;
        var dashboard = new Dashboard(browser, page, server);
        await page.GoToAsync(server.Url, WaitUntilNavigation.Networkidle0);
        return dashboard;
    }

    public Task<string> Text(string selector) => Page.EvaluateFunctionAsync<string>("s => document.querySelector(s).textContent", selector);

    public Task<bool> Visible(string selector) => Page.EvaluateFunctionAsync<bool>("s => !document.querySelector(s).hidden", selector);

    public Task<int> Rows(string table) => Page.EvaluateFunctionAsync<int>("s => document.querySelectorAll(s + ' tr').length - 1", table);

    /// <summary>Drops <paramref name="path"/> on the file input, as choosing it in the dialog does.</summary>
    public async Task Upload(string path)
    {
        var input = await Page.QuerySelectorAsync("#file");
        await input.UploadFileAsync(path);
    }

    /// <summary>Waits until the page shows a run of <paramref name="file"/>, or an error, or the mapping form.</summary>
    public async Task WaitForOutcome(string file) => await Page.WaitForFunctionAsync(
        "f => document.querySelector('#source').textContent.startsWith(f + ':') || !document.querySelector('#error').hidden || !document.querySelector('#mapping').hidden",
        new WaitForFunctionOptions { Timeout = 300_000, PollingInterval = 200 }, file);

    /// <summary>What the page's download link gives, fetched with the page's own session cookie as the browser's download would be.</summary>
    public async Task<byte[]> Download(string linkId)
    {
        var href = await Page.EvaluateFunctionAsync<string>("id => document.getElementById(id).href", linkId);
        var cookies = await Page.GetCookiesAsync(_server.Url);
        var container = new CookieContainer();
        foreach (var c in cookies) container.Add(new Uri(_server.Url), new Cookie(c.Name, c.Value));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = container });
        return await client.GetByteArrayAsync(href);
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        await _browser.DisposeAsync();
    }
}
