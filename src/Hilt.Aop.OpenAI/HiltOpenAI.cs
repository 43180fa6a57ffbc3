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
    /// <para>
    /// Hilt adds a policy to the client's pipeline that counts the tries of each call, and writes the number of
    /// retries as the <c>retries</c> extension of the completion or error (not for streams, whose requests go out when they are read).
    /// </para>
    /// <para>
    /// The settings of <paramref name="options"/> are copied to new options, so that <paramref name="options"/> stays as
    /// it is; policies added to it with <c>AddPolicy</c> cannot be copied. To keep them, build the client yourself and
    /// call <see cref="OpenAIChatClientExtensions.WithHilt"/> (which logs everything but the retry count).
    /// </para>
    /// </remarks>
    public static ChatClient CreateChatClient(string model, ApiKeyCredential credential, OpenAIClientOptions? options, HiltRecorder recorder)
    {
        Throw.IfNull(model);
        Throw.IfNull(credential);
        Throw.IfNull(recorder);
        var retries = new RetryCountingPolicy();
        var own = Copy(options);
        own.AddPolicy(retries, PipelinePosition.PerTry);
        return new HiltOpenAIChatClient(new ChatClient(model, credential, own), recorder, retries);
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

    private static OpenAIClientOptions Copy(OpenAIClientOptions? options)
    {
        var copy = new OpenAIClientOptions();
        if (options is null)
        {
            return copy;
        }

        // OpenAIClientOptions has no Clone of its own (the base's returns the base type).
        copy.Endpoint = options.Endpoint;
        copy.OrganizationId = options.OrganizationId;
        copy.ProjectId = options.ProjectId;
        copy.UserAgentApplicationId = options.UserAgentApplicationId;
        copy.RetryPolicy = options.RetryPolicy;
        copy.MessageLoggingPolicy = options.MessageLoggingPolicy;
        copy.Transport = options.Transport;
        copy.NetworkTimeout = options.NetworkTimeout;
        copy.ClientLoggingOptions = options.ClientLoggingOptions;
        copy.EnableDistributedTracing = options.EnableDistributedTracing;
        return copy;
    }
}
