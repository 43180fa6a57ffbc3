using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>Extends the OpenAI SDK's <see cref="ChatClient"/> with Hilt logging.</summary>
public static class OpenAIChatClientExtensions
{
    /// <summary>
    /// Returns a <see cref="ChatClient"/> that logs every chat call it makes through <paramref name="recorder"/>
    /// and forwards every call to <paramref name="client"/>.
    /// </summary>
    /// <param name="client">The client to forward to.</param>
    /// <param name="recorder">The recorder that receives the events.</param>
    /// <returns>A drop-in replacement of <paramref name="client"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="recorder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>
    /// The result is a <see cref="ChatClient"/>: code that uses the SDK type does not change. Its <c>Model</c>,
    /// <c>Endpoint</c> and <c>Pipeline</c> are those of <paramref name="client"/>. One call of
    /// <c>CompleteChat</c>, <c>CompleteChatAsync</c>, <c>CompleteChatStreaming</c> or <c>CompleteChatStreamingAsync</c>
    /// (either overload) writes one prompt and one completion or error; streams are logged when they end, fail or
    /// are abandoned. Other methods (protocol methods, stored completions) are forwarded without logging.
    /// </para>
    /// <para>
    /// Latency includes the SDK's automatic retries. The number of retries is logged only by clients built with
    /// <see cref="HiltOpenAI.CreateChatClient(string, System.ClientModel.ApiKeyCredential, global::OpenAI.OpenAIClientOptions?, HiltRecorder)"/>,
    /// whose pipeline Hilt builds. Wrapping a client that is already wrapped for the same recorder returns it as it is.
    /// </para>
    /// </remarks>
    public static ChatClient WithHilt(this ChatClient client, HiltRecorder recorder)
    {
        Throw.IfNull(client);
        Throw.IfNull(recorder);
        if (client is HiltOpenAIChatClient wrapped && wrapped.Recorder == recorder)
        {
            return client;
        }

        return new HiltOpenAIChatClient(client, recorder, retries: null);
    }

    /// <summary>Returns an <see cref="IOpenAIChatClient"/> that forwards every call to <paramref name="client"/>, unchanged.</summary>
    /// <param name="client">The client to forward to.</param>
    /// <returns>The adapter: register it in a container and intercept it with <see cref="HiltInterceptor"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <remarks>The adapter logs nothing itself; a proxy with <see cref="HiltInterceptor"/> does, once the recorder's options have <see cref="OpenAIHiltOptionsExtensions.AddOpenAI"/>.</remarks>
    public static IOpenAIChatClient AsOpenAIChatClient(this ChatClient client) => new ForwardingOpenAIChatClient(Throw.IfNull(client));
}
