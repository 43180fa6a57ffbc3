using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Hilt.Aop.GoogleSheets.Tests;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// Credentials in prompts, replies, error messages and exception text are redacted in every sink by default
/// (JSONL, Google Sheets, custom), and the Sheets sink's own credentials never appear in any output or diagnostic.
/// </summary>
[Trait(Category.Name, Category.Secrets)]
public sealed class SecretRedactionTests
{
    [Fact]
    public async Task Calls_SecretsInPromptsRepliesAndErrors_RedactedInEverySinkByDefault()
    {
        await using var sinks = await ThreeSinks.StartAsync();
        await using (var recorder = new HiltRecorder(sinks.Options))
        {
            var echo = HiltProxy.Create<IChatClient>(new EchoChatClient(), recorder);
            foreach (var (_, text, _) in SecretSamples.All)
            {
                // The echo puts the secret in the reply too.
                await echo.GetResponseAsync([new ChatMessage(ChatRole.User, text)]);
                var failing = HiltProxy.Create<IChatClient>(new EchoChatClient(toThrow: new InvalidOperationException($"The upstream said: {text}", new IOException(text))), recorder);
                await Assert.ThrowsAsync<InvalidOperationException>(() => failing.GetResponseAsync([new ChatMessage(ChatRole.User, "plain question")]));
            }
        }

        var everything = await sinks.AllOutputAsync();
        Assert.Contains(sinks.Google.Rows("Logs"), row => row.Any(cell => cell?.ToJsonString().Contains("plain question", StringComparison.Ordinal) == true));
        SecretSamples.AssertNoneLeaked(everything, "the sinks or the diagnostics");
        Assert.Equal(SecretSamples.All.Count * 4, sinks.Collecting.Events.Count);
    }

    [Fact]
    public async Task Calls_MessageRedactionOff_PromptsKeptButErrorsStillRedacted()
    {
        var collecting = new CollectingSink();
        var options = new HiltOptions { RedactMessageSecrets = false }.WriteTo(collecting);
        var (_, text, marker) = SecretSamples.Get("openai project key");
        await using (var recorder = new HiltRecorder(options))
        {
            await HiltProxy.Create<IChatClient>(new EchoChatClient(), recorder).GetResponseAsync([new ChatMessage(ChatRole.User, text)]);
            var failing = HiltProxy.Create<IChatClient>(new EchoChatClient(toThrow: new InvalidOperationException($"rejected key {text}")), recorder);
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing.GetResponseAsync([new ChatMessage(ChatRole.User, "plain question")]));
        }

        Assert.Contains(marker, collecting.Events.Single(e => e.Action == HiltActions.Prompt && e.Content!.Text!.Contains(marker, StringComparison.Ordinal)).Content!.Text!, StringComparison.Ordinal);
        var error = Assert.Single(collecting.Events, e => e.Action == HiltActions.System);
        Assert.DoesNotContain(marker, HiltJsonl.Serialize(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoogleSheetsSink_TokenRejectedAndRetried_ItsCredentialsNeverReachAnyOutputOrDiagnostic()
    {
        await using var sinks = await ThreeSinks.StartAsync();
        await using (var recorder = new HiltRecorder(sinks.Options))
        {
            recorder.Emit(Events.Prompt("before the tokens expire"));
            await recorder.FlushAsync();
            sinks.Google.RevokeTokens();
            recorder.Emit(Events.Prompt("after the tokens expire"));
            await recorder.FlushAsync();
        }

        var everything = await sinks.AllOutputAsync();
        Assert.Contains("after the tokens expire", everything, StringComparison.Ordinal);
        Assert.True(sinks.Google.TokensIssued >= 2, "The test meant to make the sink fetch a second token.");
        Assert.DoesNotContain("ya29.", everything, StringComparison.Ordinal);
        foreach (var line in sinks.PrivateKeyLines)
        {
            Assert.DoesNotContain(line, everything, StringComparison.Ordinal);
        }
    }

    /// <summary>A JSONL file, a fake Google Sheet and a collecting sink behind one recorder, with every diagnostic kept.</summary>
    private sealed class ThreeSinks : IAsyncDisposable
    {
        private readonly TempFolder _folder = new();
        private readonly ConcurrentQueue<HiltDiagnostic> _diagnostics = new();

        private ThreeSinks(FakeGoogle google)
        {
            Google = google;
            google.AddWorksheet("Logs");
            Options = new HiltOptions().WriteToJsonl(_folder.File("logs/chat.jsonl")).WriteTo(Collecting);
            Options.WriteToGoogleSheets(o =>
            {
                o.SpreadsheetId = FakeGoogle.SpreadsheetId;
                o.CredentialsJson = FakeGoogle.CredentialsJson(google.Key, google.TokenUri);
                o.SheetsBaseUri = google.BaseUri;
                o.BatchInterval = TimeSpan.FromMilliseconds(20);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
                o.SpoolPath = _folder.File("spool.jsonl");
            });
            Options.Diagnostics.Reported += _diagnostics.Enqueue;
        }

        public FakeGoogle Google { get; }

        public HiltOptions Options { get; }

        public CollectingSink Collecting { get; } = new();

        /// <summary>Gets the base64 lines of the Sheets sink's private key: none may ever be written anywhere.</summary>
        public IReadOnlyList<string> PrivateKeyLines => Google.Key.ExportPkcs8PrivateKeyPem().Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)).ToList();

        public static async Task<ThreeSinks> StartAsync()
        {
            var key = RSA.Create(2048);
            return new ThreeSinks(await FakeGoogle.StartAsync(key));
        }

        /// <summary>Everything any sink wrote, every diagnostic (message and exception text), and every request Google saw.</summary>
        public async Task<string> AllOutputAsync()
        {
            var all = new StringBuilder();
            foreach (var file in Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories))
            {
                all.AppendLine(await File.ReadAllTextAsync(file));
            }

            foreach (var row in Google.Rows("Logs"))
            {
                all.AppendJoin('\t', row.Select(cell => cell?.ToJsonString())).AppendLine();
            }

            foreach (var request in Google.Requests.Where(r => r.Path != "/token"))
            {
                all.AppendLine(request.Body);
            }

            foreach (var hiltEvent in Collecting.Events)
            {
                all.AppendLine(HiltJsonl.Serialize(hiltEvent));
            }

            foreach (var diagnostic in _diagnostics)
            {
                all.AppendLine(diagnostic.Message).AppendLine(diagnostic.Exception?.ToString());
            }

            return all.ToString();
        }

        public async ValueTask DisposeAsync()
        {
            await Google.DisposeAsync();
            Google.Key.Dispose();
            _folder.Dispose();
        }
    }
}
