using System.Collections;
using System.Text.Json;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Tests.Redaction;

public class RecorderRedactionTests
{
    private static readonly string OpenAiKey = "sk-" + "proj-" + "Qw3rTy_UiOp-AsDfGhJkLzXcVbNm1234567890QwErTyUiOp";
    private static readonly string GoogleKey = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW";

    [Fact]
    public void Emit_DefaultOptions_NoSinkEverSeesASecret()
    {
        var sink = new CollectingSink();
        using var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink));

        recorder.Emit(Event(HiltActions.Prompt, $"please call with {OpenAiKey}"));
        recorder.Emit(Event(HiltActions.System, $"Error: 401 Incorrect API key provided: {OpenAiKey}. Authorization: Bearer {OpenAiKey}").WithExtensions(new Dictionary<string, object?> { ["api_key"] = GoogleKey }));
        recorder.Emit(Event(HiltActions.Completion, "Sure.").WithExtensions(new Dictionary<string, object?> { ["debug"] = new Dictionary<string, object?> { ["key"] = GoogleKey } }));

        Assert.Equal(3, sink.Events.Count);
        foreach (var text in sink.Events.SelectMany(AllStrings))
        {
            Assert.DoesNotContain(OpenAiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(GoogleKey, text, StringComparison.Ordinal);
        }

        Assert.Contains("[REDACTED:openai_key]", sink.Events[0].Content!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Emit_MessageRedactionOff_PromptKeptButErrorAndExtensionsRedacted()
    {
        var sink = new CollectingSink();
        using var recorder = new HiltRecorder(new HiltOptions { RedactMessageSecrets = false }.WriteTo(sink));

        recorder.Emit(Event(HiltActions.Prompt, $"my key {OpenAiKey}").WithExtensions(new Dictionary<string, object?> { ["k"] = GoogleKey }));
        recorder.Emit(Event(HiltActions.System, $"Error: bad key {OpenAiKey}"));

        Assert.Contains(OpenAiKey, sink.Events[0].Content!.Text, StringComparison.Ordinal);
        Assert.Equal("[REDACTED:google_api_key]", sink.Events[0].GetExtension("k"));
        Assert.Equal("Error: bad key [REDACTED:openai_key]", sink.Events[1].Content!.Text);
    }

    [Fact]
    public void Emit_UserRedactor_ReplacesTheDefault()
    {
        var sink = new CollectingSink();
        using var recorder = new HiltRecorder(new HiltOptions { Redactor = new UpperCaseRedactor() }.WriteTo(sink));

        recorder.Emit(Event(HiltActions.Prompt, $"key {OpenAiKey}"));

        Assert.Equal($"KEY {OpenAiKey.ToUpperInvariant()}", sink.Events[0].Content!.Text);
    }

    private static HiltEvent Event(string action, string text) =>
        new(Guid.NewGuid().ToString(), DateTimeOffset.UnixEpoch, "conv_1", new HiltActor(action == HiltActions.Prompt ? HiltActorTypes.Human : HiltActorTypes.Agent, "openai"), action)
        {
            Content = new HiltContent(text),
        };

    private static IEnumerable<string> AllStrings(HiltEvent e)
    {
        var roots = new object?[] { e.Content?.Text, e.Content?.Metadata, e.Content?.Extra, e.Content?.Images, e.Extensions, e.Provenance, e.Actor.Metadata };
        var stack = new Stack<object?>(roots);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case string s:
                    yield return s;
                    break;
                case JsonElement element:
                    yield return element.GetRawText();
                    break;
                case IReadOnlyDictionary<string, object?> map:
                    foreach (var pair in map)
                    {
                        yield return pair.Key;
                        stack.Push(pair.Value);
                    }

                    break;
                case IEnumerable list:
                    foreach (var item in list)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    private sealed class UpperCaseRedactor : IHiltRedactor
    {
        public HiltEvent Redact(HiltEvent hiltEvent) => hiltEvent.WithContent(new HiltContent(hiltEvent.Content?.Text?.ToUpperInvariant()));
    }
}
