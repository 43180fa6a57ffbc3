using Microsoft.Extensions.Logging;

namespace Hilt.Aop.Benchmarks;

/// <summary>A logger provider whose loggers are enabled at every level and format each message, then drop it.</summary>
/// <remarks>Formatting is kept so the anchor pays what a real provider pays before its own I/O.</remarks>
internal sealed class DiscardingLoggerProvider : ILoggerProvider
{
    private readonly DiscardingLogger _logger = new();

    public long Written => _logger.Written;

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }

    private sealed class DiscardingLogger : ILogger
    {
        private long _written;

        public long Written => Volatile.Read(ref _written);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _ = formatter(state, exception);
            Interlocked.Increment(ref _written);
        }
    }
}
