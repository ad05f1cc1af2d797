using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Segmentation.Benchmarks;

/// <summary>
/// The scoring service under load, side by side with the FastAPI peer (../shared/peer/fastapi_scoring.py, uvicorn with
/// two workers): a bounded loop of HTTP requests on loopback, 16 clients, 1 and 1,000 customers a request. Then 20
/// concurrent uploads of the UCI file to the dashboard. Both servers run as their own processes; the load generator
/// runs here, on the same two cores, for both alike.
/// </summary>
internal static class ScoringLoad
{
    private sealed record Load(string Server, int CustomersPerRequest, bool KeepAlive, long Requests, long Failed, double Seconds, double P50, double P99,
        double RssStartMb, double RssEndMb, double RssPeakMb)
    {
        public double Throughput => Requests / Seconds;
    }

    public static string Run(string cli, string python, string peerFolder, string data, TimeSpan duration, int clients)
    {
        var reference = Path.Combine(data, "online_retail_rfm_reference.csv");
        var customers = File.ReadLines(reference).Skip(1).Select(l => l.Split(',')).ToList();
        using var work = new TempDirectory();
        // Our model: k-means at k = 4 on the same customers as the peer's (the UCI file, cleaned as the oracle is).
        var runFolder = Path.Combine(work.Path, "run");
        Exec("dotnet", cli, "run", "--input", Path.Combine(data, "online_retail.csv.gz"), "--k", "4", "--out", runFolder, "--no-report", "--no-history", "--stability-resamples", "0");

        var results = new List<Load>();
        string uploads;
        var ourPort = FreePort();
        using (var ours = Start("dotnet", [cli, "serve", "--port", ourPort.ToString(CultureInfo.InvariantCulture), "--run", runFolder, "--runs", Path.Combine(work.Path, "runs")], null))
        {
            var peerPort = FreePort();
            using (var peer = Start(python, ["-m", "uvicorn", "fastapi_scoring:app", "--app-dir", peerFolder, "--host", "127.0.0.1", "--port", peerPort.ToString(CultureInfo.InvariantCulture), "--workers", "2", "--log-level", "warning"], peerFolder))
            {
                WaitHealthy(ourPort);
                WaitHealthy(peerPort);
                // Keep-alive connections, as a service's clients hold them; then a new connection for every request.
                foreach (var (size, keepAlive) in new[] { (1, true), (1000, true), (1, false) })
                {
                    var body = Body(customers, size);
                    results.Add(Measure("ours", ourPort, ours.Process, tree: false, body, size, keepAlive, duration, clients));
                    results.Add(Measure("FastAPI peer", peerPort, peer.Process, tree: true, body, size, keepAlive, duration, clients));
                }
            }
            uploads = ConcurrentUploads(ourPort, ours.Process, Path.Combine(data, "online_retail.csv.gz"), 20);
        }
        return Report(results, uploads, duration, clients);
    }

    private static string Body(List<string[]> customers, int size)
    {
        var sb = new StringBuilder("{\"customers\":[");
        for (var i = 0; i < size; i++)
        {
            var c = customers[i % customers.Count];
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{{\"customerId\":\"{c[0]}\",\"recency\":{c[1]},\"frequency\":{c[3]},\"monetary\":{c[4]}}}");
        }
        return sb.Append("]}").ToString();
    }

    /// <summary>
    /// ApacheBench (<c>ab -k -c clients -t seconds</c>), the tool the peer's published figure was measured with: one
    /// light C process for both servers. (An HttpClient loop was tried first: it sends headers and body in two writes,
    /// and the peer then waits out TCP's delayed acknowledgement, 40 ms a request, which is the client's doing, not the peer's.)
    /// </summary>
    private static Load Measure(string name, int port, Process server, bool tree, string body, int size, bool keepAlive, TimeSpan duration, int clients)
    {
        var file = System.IO.Path.GetTempFileName();
        File.WriteAllText(file, body);
        try
        {
            // Warm-up: the JIT, the connections, the peer's imports.
            Ab(port, file, TimeSpan.FromSeconds(3), clients, keepAlive);
            var rss = new List<double>();
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    rss.Add(tree ? TreeRssMb(server.Id) : RssMb(server.Id));
                    await Task.Delay(500);
                }
            });
            var output = Ab(port, file, duration, clients, keepAlive);
            stop.Cancel();
            sampler.Wait();
            double Field(string label) => double.Parse(output.Split('\n').First(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal))
                .Split(label)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            var non2xx = output.Contains("Non-2xx responses:", StringComparison.Ordinal) ? Field("Non-2xx responses:") : 0;
            var load = new Load(name, size, keepAlive, (long)Field("Complete requests:"), (long)(Field("Failed requests:") + non2xx), Field("Time taken for tests:"),
                Field("50%"), Field("99%"), rss[0], rss[^1], rss.Max());
            Console.Error.WriteLine($"{name}, {size} customer(s) a request{(keepAlive ? "" : ", a new connection each")}: {load.Throughput:F0} requests/s, p50 {load.P50:F0} ms, p99 {load.P99:F0} ms, {load.Failed} failed, RSS {load.RssStartMb:F0} -> {load.RssEndMb:F0} MB (peak {load.RssPeakMb:F0})");
            return load;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Ab(int port, string body, TimeSpan duration, int clients, bool keepAlive)
    {
        // -t alone stops at 50,000 requests; the -n after it lifts that.
        var start = new ProcessStartInfo("ab") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (keepAlive) start.ArgumentList.Add("-k");
        foreach (var a in new[] { "-c", clients.ToString(CultureInfo.InvariantCulture), "-t", duration.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture),
                     "-n", "100000000", "-p", body, "-T", "application/json", $"http://127.0.0.1:{port}/api/score" })
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ab failed: {error.Result}");
        return output;
    }

    /// <summary>Uploads the file from <paramref name="count"/> browsers at once (each its own session) and waits for every run.</summary>
    private static string ConcurrentUploads(int port, Process server, string file, int count)
    {
        var peak = 0.0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, RssMb(server.Id));
                await Task.Delay(200);
            }
        });
        var before = RssMb(server.Id);
        var clock = Stopwatch.StartNew();
        var outcomes = Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromMinutes(30),
            };
            using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(file)), "file", Path.GetFileName(file) } };
            (await client.PostAsync("/app/upload", form)).EnsureSuccessStatusCode();
            while (true)
            {
                using var view = JsonDocument.Parse(await client.GetStringAsync("/app/view"));
                var job = view.RootElement.GetProperty("job");
                var state = job.GetProperty("state").GetString();
                if (state == "done") return view.RootElement.GetProperty("run").GetProperty("customerCount").GetInt32();
                if (state is "error" or "mapping") return -1;
                await Task.Delay(250);
            }
        })).Result;
        var wall = clock.Elapsed.TotalSeconds;
        stop.Cancel();
        sampler.Wait();
        var complete = outcomes.Count(c => c == 4338);
        var line = $"{count} concurrent uploads of {Path.GetFileName(file)} to the dashboard (each its own session, a full run each: read, clean, RFM, the k sweep): " +
            $"{complete} of {count} finished with 4,338 customers, none lost; {wall:F1} s for all; server resident memory {before:F0} MB before, peak {peak:F0} MB " +
            $"(pipelines queued, {Environment.ProcessorCount} at a time).";
        Console.Error.WriteLine(line);
        return line;
    }

    private static string Report(List<Load> results, string uploads, TimeSpan duration, int clients)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark: the scoring API against the FastAPI peer").AppendLine()
            .AppendLine("Regenerate: `dotnet run -c Release --project tests/Segmentation.Benchmarks -- --scoring` (needs Debian's apache2-utils, python3-fastapi, python3-uvicorn, python3-sklearn, python3-pandas).").AppendLine()
            .AppendLine($"ApacheBench (`ab -k -c {clients} -t {duration.TotalSeconds:F0}`, Debian's apache2-utils) posts the same body from {clients} concurrent keep-alive connections for {duration.TotalSeconds:F0} s after a 3 s warm-up, on loopback; then without `-k`, a new connection for every request. It shares the machine's {Environment.ProcessorCount} cores with the server under test, alike for both. Latencies are ab's, whole milliseconds.")
            .AppendLine("Ours: `serve --run` of a k = 4 k-means run on the UCI file (one process; it answers cluster, segment name and action, and validates every field). The peer: `uvicorn fastapi_scoring:app --workers 2` (k = 4 k-means fitted at start on the same customers; it answers the cluster only).")
            .AppendLine("Memory: resident set of the server (the peer: its uvicorn processes summed) sampled every 0.5 s.").AppendLine()
            .AppendLine("| Server | Customers a request | Connection | Requests/s | p50 ms | p99 ms | Failed | RSS start -> end (peak) MB |")
            .AppendLine("|---|---:|---|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Server} | {r.CustomersPerRequest:N0} | {(r.KeepAlive ? "kept" : "new each")} | {r.Throughput:N0} | {r.P50:F1} | {r.P99:F1} | {r.Failed} | {r.RssStartMb:F0} -> {r.RssEndMb:F0} ({r.RssPeakMb:F0}) |");
        }
        sb.AppendLine();
        foreach (var (size, keepAlive) in results.Select(r => (r.CustomersPerRequest, r.KeepAlive)).Distinct())
        {
            var ours = results.Single(r => r.Server == "ours" && r.CustomersPerRequest == size && r.KeepAlive == keepAlive);
            var peer = results.Single(r => r.Server != "ours" && r.CustomersPerRequest == size && r.KeepAlive == keepAlive);
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {size:N0} customer(s) a request{(keepAlive ? "" : ", a new connection each")}: throughput {ours.Throughput / peer.Throughput:F1}x the peer's; p99 {ours.P99 / peer.P99:F2} of the peer's.");
        }
        sb.AppendLine().AppendLine(uploads);
        return sb.ToString();
    }


    private static double RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>A process and all its descendants (uvicorn's workers are children of its supervisor).</summary>
    private static double TreeRssMb(int pid)
    {
        var total = RssMb(pid);
        try
        {
            foreach (var child in File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                total += TreeRssMb(int.Parse(child, CultureInfo.InvariantCulture));
            }
        }
        catch (IOException)
        {
        }
        return total;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitHealthy(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if (http.GetAsync($"http://127.0.0.1:{port}/health").Result.IsSuccessStatusCode) return;
            }
            catch (AggregateException)
            {
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"nothing healthy on port {port}");
    }

    private static void Exec(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error.Result}");
    }

    private sealed class Started(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }
    }

    private static Started Start(string file, string[] args, string? workingDirectory)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Started(process);
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("bench-scoring-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
