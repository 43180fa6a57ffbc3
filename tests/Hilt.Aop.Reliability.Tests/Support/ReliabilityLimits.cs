using System.Globalization;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>The time bounds the suite holds the library to; each one is stated in docs/reliability.md.</summary>
internal static class ReliabilityLimits
{
    /// <summary>The environment variable that sets how long the load test runs, in seconds.</summary>
    public const string LoadSecondsVariable = "HILT_RELIABILITY_LOAD_SECONDS";

    /// <summary>The longest an intercepted call or an <c>Emit</c> may be held up by Hilt while a sink is failing.</summary>
    public static readonly TimeSpan CallerStall = TimeSpan.FromSeconds(1);

    /// <summary>Gets how long the load test runs: 8 seconds unless <see cref="LoadSecondsVariable"/> says otherwise.</summary>
    public static TimeSpan LoadDuration
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(LoadSecondsVariable);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(8);
        }
    }
}
