using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Segmentation.IO;
using Segmentation.Runs.Files;

namespace Segmentation.Runs.History;

/// <summary>
/// Every run and refresh, recorded in an embedded SQLite database (history.db beside the run folders), so
/// that runs can be listed and any two compared. The database only indexes the run folders: losing it never
/// loses a run, and a damaged one is reported, not repaired over.
/// </summary>
internal sealed class RunHistory : IDisposable
{
    public const string FileName = "history.db";
    private readonly SqliteConnection _connection;
    private readonly string _path;

    private RunHistory(string path, SqliteConnection connection)
    {
        _path = path;
        _connection = connection;
    }

    /// <summary>Opens (creating when <paramref name="create"/>) the history at <paramref name="path"/>.</summary>
    public static RunHistory Open(string path, bool create = true)
    {
        if (!create && !File.Exists(path)) throw new InputException(path, "there is no run history here yet; it is written by run and refresh");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created TEXT NOT NULL, kind TEXT NOT NULL, folder TEXT NOT NULL,
                    input TEXT NOT NULL, input_sha256 TEXT NOT NULL, seed INTEGER NOT NULL, k INTEGER NOT NULL,
                    customers INTEGER NOT NULL, silhouette REAL NOT NULL, parameters TEXT NOT NULL, versions TEXT NOT NULL,
                    metrics TEXT NOT NULL, segment_sizes TEXT NOT NULL, previous_id INTEGER NULL);
                """;
            command.ExecuteNonQuery();
            return new RunHistory(path, connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InputException(path, $"the run history is damaged or not a history database ({e.Message}); the run folders are untouched: move the file aside to start a new history");
        }
    }

    /// <param name="fingerprint">What identifies the data read (see <see cref="Segmentation.Prepare.InputFingerprint"/>); empty for the sample.</param>
    public long Record(SegmentationRun run, string kind, string folder, string input, string fingerprint, long? previousId = null)
    {
        var metrics = RunMetrics.From(run);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (created, kind, folder, input, input_sha256, seed, k, customers, silhouette, parameters, versions, metrics, segment_sizes, previous_id)
            VALUES ($created, $kind, $folder, $input, $sha, $seed, $k, $customers, $silhouette, $parameters, $versions, $metrics, $sizes, $previous);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$created", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$folder", Path.GetFullPath(folder));
        command.Parameters.AddWithValue("$input", input);
        command.Parameters.AddWithValue("$sha", fingerprint);
        command.Parameters.AddWithValue("$seed", run.Sweep.Seed);
        command.Parameters.AddWithValue("$k", run.Choice.K);
        command.Parameters.AddWithValue("$customers", run.Rfm.Count);
        command.Parameters.AddWithValue("$silhouette", run.ChosenMetrics.Silhouette);
        command.Parameters.AddWithValue("$parameters", JsonSerializer.Serialize(run.Options, Json.Options));
        command.Parameters.AddWithValue("$versions", JsonSerializer.Serialize(run.Model.Versions, Json.Options));
        command.Parameters.AddWithValue("$metrics", JsonSerializer.Serialize(metrics.Sweep, Json.Options));
        command.Parameters.AddWithValue("$sizes", JsonSerializer.Serialize(run.Profiles.ToDictionary(p => p.Segment, p => p.Customers), Json.Options));
        command.Parameters.AddWithValue("$previous", (object?)previousId ?? DBNull.Value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Points the records of a run folder that was moved aside at its new place.</summary>
    public void Relocate(string from, string to)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE runs SET folder = $to WHERE folder = $from";
        command.Parameters.AddWithValue("$from", Path.GetFullPath(from));
        command.Parameters.AddWithValue("$to", Path.GetFullPath(to));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<RunRecord> List()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, created, kind, folder, input, input_sha256, seed, k, customers, silhouette, parameters, versions, metrics, segment_sizes, previous_id FROM runs ORDER BY id";
        var runs = new List<RunRecord>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                runs.Add(new RunRecord(
                    reader.GetInt64(0), DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7),
                    reader.GetInt32(8), reader.GetDouble(9), reader.GetString(10), reader.GetString(11), reader.GetString(12),
                    JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(13), Json.Options) ?? [],
                    reader.IsDBNull(14) ? null : reader.GetInt64(14)));
            }
        }
        catch (SqliteException e)
        {
            throw new InputException(_path, $"the run history cannot be read ({e.Message}); the run folders are untouched");
        }
        return runs;
    }

    public RunRecord Get(long id) => List().FirstOrDefault(r => r.Id == id) ?? throw new InputException(_path, $"there is no run {id} in the history");

    public void Dispose() => _connection.Dispose();
}
