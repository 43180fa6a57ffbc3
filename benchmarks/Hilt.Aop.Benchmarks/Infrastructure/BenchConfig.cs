using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Hilt.Aop.Benchmarks;

/// <summary>The configurations: the full run uses BenchmarkDotNet's defaults; short and dry trade precision for time.</summary>
internal static class BenchConfig
{
    public static IConfig Create(BenchMode mode, bool inProcess)
    {
        var job = mode switch
        {
            // Few short iterations: minutes on 2 cores, much noisier than the full run.
            BenchMode.Short => Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithId("Short"),

            // One invocation of each case: proves the harness runs, measures nothing.
            BenchMode.Dry => Job.Dry.WithId("Dry"),
            _ => Job.Default.WithId("Full"),
        };

        if (inProcess)
        {
            job = job.WithToolchain(InProcessEmitToolchain.Instance);
        }

        return ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new EventsPerSecondColumn(), StatisticColumn.P95)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .WithOption(ConfigOptions.DisableLogFile, false);
    }
}
