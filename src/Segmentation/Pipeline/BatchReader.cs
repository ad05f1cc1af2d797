using System.Collections.Concurrent;
using Segmentation.Cleaning;
using Segmentation.Ingest;

namespace Segmentation.Pipeline;

/// <summary>
/// Reads a <see cref="TransactionStream"/> on a background thread into a few recycled batches, in order, with
/// each row's duplicate-check hash. Memory is bounded by the batches; an error in the reader (a bad row, a
/// truncated file) is rethrown on the consuming thread as it was thrown.
/// </summary>
internal sealed class BatchReader : IDisposable
{
    public const int BatchSize = 4096;
    private const int BatchCount = 4;

    internal sealed class Batch
    {
        public readonly Transaction[] Rows = new Transaction[BatchSize];
        public readonly UInt128[] Hashes = new UInt128[BatchSize];
        public int Count;
    }

    private readonly TransactionStream _stream;
    private readonly BlockingCollection<Batch> _full = new(BatchCount);
    private readonly BlockingCollection<Batch> _free = new(BatchCount);
    private readonly CancellationTokenSource _stop = new();
    private Task? _producer;

    public BatchReader(TransactionStream stream)
    {
        _stream = stream;
        for (var i = 0; i < BatchCount; i++) _free.Add(new Batch());
    }

    public IEnumerable<Batch> Batches()
    {
        _producer = Task.Factory.StartNew(Produce, TaskCreationOptions.LongRunning);
        foreach (var batch in _full.GetConsumingEnumerable()) yield return batch;
        // Rethrows the reader's own exception (InputException with its file, row and column), not an AggregateException.
        _producer.GetAwaiter().GetResult();
    }

    /// <summary>Hands a consumed batch back to the reader.</summary>
    public void Recycle(Batch batch)
    {
        batch.Count = 0;
        _free.Add(batch);
    }

    private void Produce()
    {
        try
        {
            var token = _stop.Token;
            var batch = _free.Take(token);
            foreach (var row in _stream.Rows)
            {
                batch.Rows[batch.Count] = row;
                batch.Hashes[batch.Count] = DuplicateDetector.Hash(row);
                if (++batch.Count < BatchSize) continue;
                _full.Add(batch, token);
                batch = _free.Take(token);
            }
            if (batch.Count > 0) _full.Add(batch, token);
        }
        finally
        {
            _full.CompleteAdding();
        }
    }

    public void Dispose()
    {
        // A consumer that stops early (an exception in cleaning) releases a reader blocked on a full queue.
        _stop.Cancel();
        try
        {
            _producer?.Wait();
        }
        catch (AggregateException)
        {
            // The consumer is already unwinding with its own exception; the reader's cancellation adds nothing.
        }
        _stop.Dispose();
        _full.Dispose();
        _free.Dispose();
    }
}
