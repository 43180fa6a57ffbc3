using System.Reflection;
using System.Runtime.CompilerServices;

namespace Hilt.Aop.Tests.Interception;

/// <summary>An SDK-like client whose results are its own types, as the OpenAI SDK's are.</summary>
public interface ISdkClient
{
    Envelope Complete(string text);

    ResultStream<string> CompleteStreaming(string text);
}

public sealed class Envelope(string value, int status)
{
    public string Value { get; } = value;

    public int Status { get; } = status;
}

/// <summary>Like <c>AsyncCollectionResult&lt;T&gt;</c>: an abstract stream type that only the SDK's adapter knows how to wrap.</summary>
public abstract class ResultStream<T> : IAsyncEnumerable<T>
{
    public abstract IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default);
}

public sealed class SdkClient : ISdkClient
{
    public Envelope Complete(string text) => new("echo " + text, 201);

    public ResultStream<string> CompleteStreaming(string text) => new Parts(["a", "b", "c"]);

    private sealed class Parts(string[] parts) : ResultStream<string>
    {
        public override async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            foreach (var part in parts)
            {
                await Task.Yield();
                yield return part;
            }
        }
    }
}

public sealed class SdkAdapter : IHiltChatCallAdapter
{
    public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType) =>
        method.DeclaringType != typeof(ISdkClient) ? null : new Binding(method.Name == nameof(ISdkClient.CompleteStreaming));

    private sealed class Binding(bool streaming) : HiltChatCallBinding
    {
        public override bool IsStreaming => streaming;

        public override HiltChatRequest ReadRequest(object? target, object?[] arguments) =>
            new() { PromptText = (string?)arguments[0], Provider = "sdk", RequestModel = "sdk-model" };

        public override HiltChatResponse? ReadResponse(object? result) =>
            result is Envelope envelope ? new HiltChatResponse { Text = envelope.Value, StatusCode = envelope.Status } : null;

        public override HiltStreamUpdate? ReadStreamItem(object? item) => new() { TextDelta = (string?)item, StatusCode = 202 };

        public override object? WrapStream(object? stream, IHiltStreamObserver observer) =>
            new Observed((ResultStream<string>)stream!, observer);
    }

    private sealed class Observed(ResultStream<string> inner, IHiltStreamObserver observer) : ResultStream<string>
    {
        public override async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var completed = false;
            try
            {
                await foreach (var item in inner.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    observer.OnItem(item);
                    yield return item;
                }

                completed = true;
                observer.OnCompleted();
            }
            finally
            {
                if (!completed)
                {
                    observer.OnAbandoned();
                }
            }
        }
    }
}

public class CustomAdapterTests
{
    [Fact]
    public void CustomAdapter_SdkResultType_IsReadWithItsStatus()
    {
        using var harness = new Harness(o => o.ChatCallAdapters.Add(new SdkAdapter()));
        var proxy = harness.Proxy<ISdkClient>(new SdkClient());

        var result = proxy.Complete("hi");

        Assert.Equal("echo hi", result.Value);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("echo hi", completion.Content!.Text);
        Assert.Equal(201L, Harness.Ext(completion, HiltExtensionKeys.StatusCode));
        Assert.Equal("sdk", completion.Actor.Id);
        Assert.Equal("sdk-model", completion.GetExtension(HiltExtensionKeys.Model));
    }

    [Fact]
    public async Task CustomAdapter_WrapsItsOwnStreamType_CompletionLoggedAtEnd()
    {
        using var harness = new Harness(o => o.ChatCallAdapters.Add(new SdkAdapter()));
        var proxy = harness.Proxy<ISdkClient>(new SdkClient());

        var stream = proxy.CompleteStreaming("hi");
        Assert.Single(harness.Events);
        var parts = new List<string>();
        await foreach (var part in stream)
        {
            parts.Add(part);
        }

        Assert.Equal(["a", "b", "c"], parts);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("abc", completion.Content!.Text);
        Assert.Equal(202L, Harness.Ext(completion, HiltExtensionKeys.StatusCode));
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Stream));
    }

    [Fact]
    public void UserAdapter_IsAskedBeforeBuiltInOnes()
    {
        using var harness = new Harness(o => o.ChatCallAdapters.Add(new EverythingAdapter()));
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));

        proxy.Add(1, 2);

        Assert.Equal("everything", harness.Single(HiltActions.Prompt).Content!.Text);
    }

    private sealed class EverythingAdapter : IHiltChatCallAdapter
    {
        public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType) => new Binding();

        private sealed class Binding : HiltChatCallBinding
        {
            public override HiltChatRequest ReadRequest(object? target, object?[] arguments) => new() { PromptText = "everything" };
        }
    }
}
