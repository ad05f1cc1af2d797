using System.Net.Http.Json;
using System.Text.Json;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Tests;

namespace Segmentation.Web.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class SessionTests
{
    private static string SmallFile(TempFolder folder, string name, int customers, int seed)
    {
        var path = folder.File(name);
        SegmentationApp.Export(TransactionSource.Sample(SampleOptions.Default with { Customers = customers, Seed = seed }), path);
        return path;
    }

    [Fact]
    public async Task What_one_browser_uploads_no_other_browser_sees()
    {
        using var folder = new TempFolder();
        var file = SmallFile(folder, "mine.csv", 300, 5);
        await using var server = await Server.Start();
        using var alice = server.NewSession();
        using var bob = server.NewSession();
        var bobsBefore = await bob.GetStringAsync("/app/view");

        var alices = await Server.UploadAndWait(alice, file);
        Assert.Equal("done", alices.GetProperty("job").GetProperty("state").GetString());
        Assert.Equal("mine.csv", alices.GetProperty("run").GetProperty("source").GetString());

        Assert.Equal(bobsBefore, await bob.GetStringAsync("/app/view"));
        var bobsCustomers = await bob.GetFromJsonAsync<JsonElement>("/app/customers?size=1");
        Assert.NotEqual(alices.GetProperty("run").GetProperty("customerCount").GetInt32(), bobsCustomers.GetProperty("total").GetInt32());
        Assert.Equal(0, server.Uploads.Count);
    }

    [Fact]
    public async Task Concurrent_uploads_wait_for_a_worker_and_none_is_lost()
    {
        using var folder = new TempFolder();
        await using var server = await Server.Start(new ServeOptions { Workers = 1 });
        var sessions = Enumerable.Range(0, 4).Select(_ => server.NewSession()).ToList();
        var files = Enumerable.Range(0, 4).Select(i => SmallFile(folder, $"upload{i}.csv", 200 + 50 * i, i)).ToList();
        var maxRunning = 0;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                maxRunning = Math.Max(maxRunning, server.Queue.Running);
                await Task.Delay(5);
            }
        });
        var views = await Task.WhenAll(sessions.Select((s, i) => Server.UploadAndWait(s, files[i])));
        await stop.CancelAsync();
        await watcher;
        for (var i = 0; i < views.Length; i++)
        {
            Assert.Equal("done", views[i].GetProperty("job").GetProperty("state").GetString());
            Assert.Equal($"upload{i}.csv", views[i].GetProperty("run").GetProperty("source").GetString());
        }
        Assert.Equal(4, server.Queue.Fits);
        Assert.Equal(1, maxRunning);
        Assert.Equal(0, server.Uploads.Count);
        sessions.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task A_file_type_the_app_does_not_read_is_refused_by_name_and_nothing_is_kept()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.docx", "not transactions");
        await using var server = await Server.Start();
        using var client = server.NewSession();
        var view = await Server.UploadAndWait(client, path);
        Assert.Equal("error", view.GetProperty("job").GetProperty("state").GetString());
        Assert.StartsWith("notes.docx: the file type is not one the app reads", view.GetProperty("job").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, server.Uploads.Count);
    }

    [Fact]
    public async Task The_upload_folder_is_private_to_the_servers_user()
    {
        await using var server = await Server.Start();
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(server.Uploads.Root));
    }
}

[Trait(Tier.Name, Tier.Full)]
public sealed class KeyTests
{
    [Fact]
    public async Task With_a_key_the_pages_data_opens_only_to_a_session_that_gave_it()
    {
        const string key = "another-test-key-0123456789";
        await using var server = await Server.Start(new ServeOptions { ApiKey = key });
        using var client = server.NewSession();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        using var first = await client.GetAsync("/app/view");
        Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/app/view")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/app/download/customer_segments.csv")).StatusCode);

        using var wrong = new FormUrlEncodedContent([new("key", key + "!")]);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.PostAsync("/app/unlock", wrong)).StatusCode);
        using var right = new FormUrlEncodedContent([new("key", key)]);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync("/app/unlock", right)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/app/view")).StatusCode);

        // Another browser is still locked out.
        using var other = server.NewSession();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await other.GetAsync("/app/customers")).StatusCode);
    }
}
