using System.IO.Compression;
using DuckDB.NET.Data;
using nietras.SeparatedValues;
using Segmentation.Prepare.Engine;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// A transactions file as raw cells, every column, the header as the first row: for what the preparation does not
/// read (an export's contact columns). CSV and CSV.gz by Sep (the separator found from the header), Excel by the
/// sheet readers, Parquet by the engine.
/// </summary>
internal static class FileSheet
{
    public static TypedRowReader.ISheet Open(string path)
    {
        var format = InputFormats.FromPath(path);
        if (format == InputFormat.Parquet)
        {
            var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            var command = DuckDbEngine.Command(connection, "SELECT * FROM read_parquet($path)", ("path", path));
            return new DataReaderSheet(path, command.ExecuteReader(), connection);
        }
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        if (format == InputFormat.Excel) return ExcelTransactionReader.OpenSheet(file, path, null);
        Stream text = format == InputFormat.CsvGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        return new SepSheet(path, Sep.Reader(o => o with { Unescape = true, HasHeader = false }).From(text), text);
    }

    /// <summary>A CSV read by Sep as the row loop reads a sheet: the header is the first row.</summary>
    private sealed class SepSheet(string name, SepReader reader, IDisposable stream) : TypedRowReader.ISheet
    {
        private string[] _cells = [];

        public string Name => name;
        public int FieldCount => _cells.Length;

        public bool Read()
        {
            if (!reader.MoveNext()) return false;
            var row = reader.Current;
            _cells = new string[row.ColCount];
            for (var i = 0; i < _cells.Length; i++) _cells[i] = row[i].ToString();
            return true;
        }

        public object? GetValue(int i) => i < _cells.Length ? _cells[i] : null;

        public void Dispose()
        {
            reader.Dispose();
            stream.Dispose();
        }
    }
}
