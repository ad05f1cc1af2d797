using Microsoft.ML;
using Microsoft.ML.Data;

namespace Segmentation.Clustering;

/// <summary>
/// The scaled features as an ML.NET data view over one float32 array, with no copy per row beyond the 3
/// values a cursor hands out: what the saved model predicts from.
/// </summary>
internal sealed class FeatureDataView : IDataView
{
    public const string Column = "Features";
    private readonly float[] _values;
    private readonly int _dimensions;
    private readonly long _rows;

    public FeatureDataView(double[][] features, int dimensions)
    {
        _dimensions = dimensions;
        _rows = features.Length;
        _values = new float[features.Length * dimensions];
        for (var i = 0; i < features.Length; i++)
        {
            for (var j = 0; j < dimensions; j++) _values[i * dimensions + j] = (float)features[i][j];
        }
        var schema = new DataViewSchema.Builder();
        schema.AddColumn(Column, new VectorDataViewType(NumberDataViewType.Single, dimensions));
        Schema = schema.ToSchema();
    }

    public DataViewSchema Schema { get; }

    // Rows are served in order: k-means draws its own random numbers from the seed and does not ask for shuffling.
    public bool CanShuffle => false;

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(FeatureDataView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;
        public override long Position => _position;
        public override long Batch => 0;

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rows) return false;
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index == 0;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index != 0 || typeof(TValue) != typeof(VBuffer<float>))
            {
                throw new InvalidOperationException($"Column {column.Name} of type {typeof(TValue)} is not served by this view.");
            }
            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
            {
                // Copied into the caller's buffer: a caller may write into what it is given.
                var editor = VBufferEditor.Create(ref value, view._dimensions);
                view._values.AsSpan((int)_position * view._dimensions, view._dimensions).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(object)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
    }
}
