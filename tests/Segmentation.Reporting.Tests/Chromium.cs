using PuppeteerSharp;

namespace Segmentation.Tests.Reporting;

/// <summary>A page opened in headless Chromium, with every console error, page error and dialog it raises.</summary>
internal sealed class ChromiumPage : IAsyncDisposable
{
    private readonly IBrowser _browser;

    private ChromiumPage(IBrowser browser, IPage page)
    {
        _browser = browser;
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

    public static Task<ChromiumPage> Open(string file) => OpenAddress(new Uri(file).AbsoluteUri);

    /// <summary>Opens <paramref name="address"/> (a page of a server) and waits until the network is quiet.</summary>
    public static async Task<ChromiumPage> OpenAddress(string address)
    {
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Executable(),
            // As root Chromium needs --no-sandbox; the rest keep it from reaching for the network it does not have.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"],
        });
        var page = new ChromiumPage(browser, await browser.NewPageAsync());
        await page.Page.GoToAsync(address, WaitUntilNavigation.Networkidle0);
        return page;
    }

    /// <summary>How many Plotly charts the page holds, and how many of them were drawn.</summary>
    public async Task<(int Plots, int Drawn)> Charts() => (
        await Page.EvaluateExpressionAsync<int>("document.querySelectorAll('.js-plotly-plot').length"),
        await Page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => p.querySelector('.main-svg')).length"));

    public static string Executable() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed (./test.sh installs it: apt-get install chromium).");

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        await _browser.DisposeAsync();
    }
}
