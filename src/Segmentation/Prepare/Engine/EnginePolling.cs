namespace Segmentation.Prepare.Engine;

/// <summary>
/// Polls on a thread of its own, not the thread pool's: the thread running the statement is blocked in the engine,
/// and a pool with no thread to spare (a test host, a busy web server) ran no timer callback at all during a
/// half-second read (seen). Disposal stops the thread and waits for it: the connection it polls is closed next.
/// </summary>
internal sealed class EnginePolling : IDisposable
{
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly Thread _thread;

    public EnginePolling(Action poll, TimeSpan interval)
    {
        _thread = new Thread(() =>
        {
            while (!_stop.Wait(interval)) poll();
        }) { IsBackground = true, Name = "engine progress" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }
}
