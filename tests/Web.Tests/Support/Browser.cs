using Microsoft.Playwright;

namespace Analytics.Web.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, one per test class (a class fixture): starting it costs about a second, a
/// fresh context per test keeps cookies apart. The package's real binary, not the wrapper script on PATH.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: scripts/test.sh installs Debian's chromium package.");
        }

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>One signed-in (or not) browser tab, recording every console error, failed request and error response.</summary>
public sealed class Tab : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private Tab(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                _problems.Add($"console: {m.Text}");
            }
        };
        page.PageError += (_, e) => _problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => _failed.Add((r.Url, $"failed: {r.Url} {r.Failure}"));
        page.Download += (_, d) => _downloads.Add(d.Url);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !ExpectErrors)
            {
                _problems.Add($"HTTP {r.Status}: {r.Url}");
            }
        };
    }

    private readonly List<(string Url, string Text)> _failed = [];
    private readonly List<string> _downloads = [];
    private readonly List<string> _problems = [];

    public IPage Page { get; }
    public Uri BaseAddress { get; }

    /// <summary>Console errors, error answers and failed requests; a download's navigation (aborted by design) is none.</summary>
    public IReadOnlyList<string> Problems => [.. _problems, .. _failed.Where(f => !_downloads.Contains(f.Url)).Select(f => f.Text)];

    /// <summary>Set while a test asks for what should be refused (URL tampering): error answers are then the point.</summary>
    public bool ExpectErrors { get; set; }

    public static async Task<Tab> OpenAsync(Browser browser, SampleWorkspace sample, string? user, string language = "zh", int width = 1280, int height = 900)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        if (language == "en")
        {
            await context.AddCookiesAsync([new Cookie { Name = "analytics_lang", Value = "en", Url = sample.BaseAddress.ToString() }]);
        }

        var tab = new Tab(context, await context.NewPageAsync(), sample.BaseAddress);
        if (user is not null)
        {
            await tab.SignInAsync(user, SampleWorkspace.Password);
        }

        return tab;
    }

    public async Task SignInAsync(string user, string password)
    {
        await GotoAsync("/login");
        await Page.FillAsync("#name", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#signin");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task<IResponse?> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(new Uri(BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return response;
    }

    /// <summary>The page's visible text (what a person can read).</summary>
    public Task<string> TextAsync() => Page.InnerTextAsync("body");

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
