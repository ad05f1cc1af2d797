namespace Segmentation.Web;

/// <summary>
/// At most <see cref="ServeOptions.Workers"/> pipelines at once; further work waits its turn instead of every
/// upload's customers being held in memory at the same time. Counts the fits it ran (the dashboard's slider must
/// never add one).
/// </summary>
internal sealed class PipelineQueue(ServeOptions options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Workers));
    private long _fits;
    private int _running;
    private int _waiting;

    /// <summary>Segmentation sweeps run since start.</summary>
    public long Fits => Interlocked.Read(ref _fits);

    public int Running => Volatile.Read(ref _running);
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Runs <paramref name="work"/> on a worker when a slot is free; <paramref name="fits"/> when it runs a sweep.</summary>
    public async Task<T> Run<T>(Func<T> work, bool fits, CancellationToken cancel = default)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancel).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        Interlocked.Increment(ref _running);
        try
        {
            if (fits) Interlocked.Increment(ref _fits);
            return await Task.Run(work, cancel).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _slots.Release();
        }
    }
}
