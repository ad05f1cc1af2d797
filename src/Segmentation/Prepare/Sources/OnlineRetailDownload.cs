namespace Segmentation.Prepare.Sources;

/// <summary>Fetches the UCI Online Retail workbook. Fails fast, and says where to put the file by hand.</summary>
internal static class OnlineRetailDownload
{
    public const string Url = "https://archive.ics.uci.edu/ml/machine-learning-databases/00352/Online%20Retail.xlsx";
    public const string FileName = "Online_Retail.xlsx";

    /// <summary>Downloads <paramref name="url"/> to <paramref name="target"/> atomically and returns its size in bytes.</summary>
    public static async Task<long> FetchAsync(string target, string url = Url, TimeSpan? timeout = null, CancellationToken cancel = default)
    {
        using var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".part";
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await response.Content.CopyToAsync(file, cancel).ConfigureAwait(false);
            }
            var size = new FileInfo(temp).Length;
            File.Move(temp, full, overwrite: true);
            return size;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            File.Delete(temp);
            var why = e is TaskCanceledException ? "the request timed out" : e.Message.ReplaceLineEndings(" ").Trim();
            throw new InputException(url,
                $"the download failed ({why}). Without network access, fetch {url} elsewhere and save it as {full}");
        }
    }
}
