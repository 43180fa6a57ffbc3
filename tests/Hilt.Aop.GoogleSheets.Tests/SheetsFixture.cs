using System.Security.Cryptography;
using Hilt.Aop.Testing;

namespace Hilt.Aop.GoogleSheets.Tests;

/// <summary>Shared set-up: a key, a fake Google, a temp folder, events, and a sink pointed at the fake.</summary>
internal static class SheetsFixture
{
    /// <summary>Options aimed at <paramref name="fake"/>, with short intervals and a spool in <paramref name="folder"/>.</summary>
    public static GoogleSheetsSinkOptions Options(FakeGoogle fake, TempFolder folder) => new()
    {
        SpreadsheetId = FakeGoogle.SpreadsheetId,
        CredentialsJson = FakeGoogle.CredentialsJson(fake.Key, fake.TokenUri),
        SheetsBaseUri = fake.BaseUri,
        BatchInterval = TimeSpan.FromMilliseconds(20),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(5),
        SpoolPath = folder.File("spool.jsonl"),
    };

    /// <summary>Options aimed at a Google that is down: nothing listens on the port.</summary>
    public static GoogleSheetsSinkOptions DownOptions(RSA key, TempFolder folder)
    {
        var down = new Uri($"http://127.0.0.1:{FakeGoogle.FreePort()}/");
        return new GoogleSheetsSinkOptions
        {
            SpreadsheetId = FakeGoogle.SpreadsheetId,
            CredentialsJson = FakeGoogle.CredentialsJson(key, new Uri(down, "token")),
            SheetsBaseUri = down,
            BatchInterval = TimeSpan.FromMilliseconds(20),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetries = 1,
            RequestTimeout = TimeSpan.FromSeconds(2),
            SpoolPath = folder.File("spool.jsonl"),
        };
    }

    public static GoogleSheetsSink Sink(GoogleSheetsSinkOptions options, TimeProvider? time = null, HiltDiagnostics? diagnostics = null) =>
        GoogleSheetsSink.Create(options, time ?? TimeProvider.System, diagnostics ?? new HiltDiagnostics(), environment: _ => null);

    /// <summary>An event whose message and ids carry <paramref name="index"/>, so order can be checked.</summary>
    public static HiltEvent Event(int index, string? text = null, string action = HiltActions.Prompt)
    {
        var at = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero).AddSeconds(index);
        var actor = action == HiltActions.Prompt ? new HiltActor(HiltActorTypes.Human, "user") : new HiltActor(HiltActorTypes.Agent, "openai");
        return new HiltEvent($"00000000-0000-7000-8000-{index:D12}", at, "conv_9d6ded566067", actor, action)
        {
            Content = new HiltContent(text ?? $"message {index}"),
            Metrics = action == HiltActions.Completion
                ? new HiltMetrics { Tokens = new HiltTokens { Prompt = 15, Completion = 87 }, CostUsd = 0.00005445m, LatencyMs = 842 }
                : null,
            Extensions = new Dictionary<string, object?>
            {
                [HiltExtensionKeys.Model] = "gpt-4o-mini",
                [HiltExtensionKeys.StatusCode] = 200,
            },
        };
    }

    /// <summary>Waits (in real time, bounded) until <paramref name="condition"/> holds.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? timeout = null, Action? step = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            step?.Invoke();
            await Task.Delay(10);
        }

        return condition();
    }
}
