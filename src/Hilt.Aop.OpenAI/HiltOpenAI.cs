using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>Creates OpenAI SDK clients whose chat calls are logged by Hilt.</summary>
public static class HiltOpenAI
{
    /// <summary>Creates a <see cref="ChatClient"/> whose chat calls are logged, with the retry count of each call.</summary>
    /// <param name="model">The model to ask for.</param>
    /// <param name="credential">The API key.</param>
    /// <param name="options">The client options (endpoint, retries, timeout), or <see langword="null"/> for the SDK's defaults; copied, never changed.</param>
    /// <param name="recorder">The recorder that receives the events.</param>
    /// <returns>A <see cref="ChatClient"/>, as <see cref="OpenAIChatClientExtensions.WithHilt"/> returns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="credential"/> or <paramref name="recorder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Hilt adds a policy to the client's pipeline that counts the tries of each call, and writes the number of
    /// retries as the completion's <c>retries</c> extension (not for streams, whose requests go out when they are read).
    /// </remarks>
    public static ChatClient CreateChatClient(string model, ApiKeyCredential credential, OpenAIClientOptions? options, HiltRecorder recorder)
    {
        Throw.IfNull(model);
        Throw.IfNull(credential);
        Throw.IfNull(recorder);
        var retries = new RetryCountingPolicy();
        var own = options is null ? new OpenAIClientOptions() : (OpenAIClientOptions)options.Clone();
        own.AddPolicy(retries, PipelinePosition.PerTry);
        return new HiltChatClient(new ChatClient(model, credential, own), recorder, retries);
    }

    /// <summary>Creates a <see cref="ChatClient"/> whose chat calls are logged, with the retry count of each call.</summary>
    /// <param name="model">The model to ask for.</param>
    /// <param name="apiKey">The API key.</param>
    /// <param name="options">The client options (endpoint, retries, timeout), or <see langword="null"/> for the SDK's defaults; copied, never changed.</param>
    /// <param name="recorder">The recorder that receives the events.</param>
    /// <returns>A <see cref="ChatClient"/>, as <see cref="OpenAIChatClientExtensions.WithHilt"/> returns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="apiKey"/> or <paramref name="recorder"/> is <see langword="null"/>.</exception>
    public static ChatClient CreateChatClient(string model, string apiKey, OpenAIClientOptions? options, HiltRecorder recorder) =>
        CreateChatClient(model, new ApiKeyCredential(Throw.IfNull(apiKey)), options, recorder);
}
