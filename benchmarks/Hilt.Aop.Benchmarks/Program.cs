using BenchmarkDotNet.Running;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Entry point. Own flags (removed before BenchmarkDotNet sees the rest):
/// <c>--short</c> (a few minutes on 2 cores), <c>--dry</c> (each case once, to check the harness),
/// <c>--inprocess</c> (no child processes, no generated project: faster, less isolated),
/// <c>--enqueue-latency</c> (the caller's enqueue times and peak memory during a 1 M burst, printed as a table).
/// Everything else, such as <c>--filter '*'</c>, goes to BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.Contains("--dry") ? BenchMode.Dry : args.Contains("--short") ? BenchMode.Short : BenchMode.Full;
        var inProcess = args.Contains("--inprocess");
        var rest = args.Where(a => a is not ("--dry" or "--short" or "--inprocess" or "--enqueue-latency")).ToArray();
        BenchSettings.Set(mode);

        if (args.Contains("--enqueue-latency"))
        {
            return EnqueueLatencyRun.Run(mode, Console.Out);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, BenchConfig.Create(mode, inProcess));
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
