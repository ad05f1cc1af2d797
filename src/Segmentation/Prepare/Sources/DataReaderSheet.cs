using System.Data.Common;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// A query's result as the typed row loop reads it (a Parquet file read by the engine, a database table): the
/// column names first, as a header row, then the rows in the order the engine returns them.
/// </summary>
internal sealed class DataReaderSheet(string name, DbDataReader reader, IDisposable owner) : TypedRowReader.ISheet
{
    private int _reads;

    public string Name => name;
    public int FieldCount => reader.FieldCount;

    public bool Read() => _reads++ == 0 || reader.Read();

    public object? GetValue(int i) => _reads == 1 ? reader.GetName(i) : reader.IsDBNull(i) ? null : reader.GetValue(i);

    public void Dispose()
    {
        reader.Dispose();
        owner.Dispose();
    }
}
