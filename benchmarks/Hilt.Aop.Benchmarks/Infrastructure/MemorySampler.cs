using System.Diagnostics;

namespace Hilt.Aop.Benchmarks;

/// <summary>Samples the managed heap and the working set every 5 ms on its own thread and keeps the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private long _peakHeap;
    private long _peakWorkingSet;

    public MemorySampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory-sampler" };
        _thread.Start();
    }

    public (long PeakHeap, long PeakWorkingSet) Stop()
    {
        _stop.Set();
        _thread.Join();
        return (_peakHeap, _peakWorkingSet);
    }

    public void Dispose()
    {
        if (!_stop.IsSet)
        {
            Stop();
        }

        _stop.Dispose();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        do
        {
            process.Refresh();
            _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
        }
        while (!_stop.Wait(5));
    }
}
