using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Hilt.Aop;

/// <summary>Adds Hilt to <see cref="IChatClient"/> pipelines built with <see cref="ChatClientBuilder"/>.</summary>
public static class HiltChatClientBuilderExtensions
{
    /// <summary>Adds a client that records every chat call passing through it as HILT events.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="recorder">The recorder; <see langword="null"/> to take the <see cref="HiltRecorder"/> registered in the builder's services.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// The events are the same as those of <see cref="HiltInterceptor"/>: a prompt before the call, then one completion
    /// (for a stream, when it ends or is abandoned) or one error. The provider is read from the inner client's
    /// <see cref="ChatClientMetadata"/>. Place it last in the pipeline to see what goes to the provider, or first to see
    /// what the application asked for.
    /// </remarks>
    public static ChatClientBuilder UseHilt(this ChatClientBuilder builder, HiltRecorder? recorder = null)
    {
        Throw.IfNull(builder);
        return builder.Use((innerClient, services) => new HiltChatClient(innerClient, recorder ?? services.GetRequiredService<HiltRecorder>()));
    }

    /// <summary>Wraps a chat client in a client that records every call as HILT events.</summary>
    /// <param name="client">The client to wrap.</param>
    /// <param name="recorder">The recorder.</param>
    /// <returns>The wrapping client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="recorder"/> is <see langword="null"/>.</exception>
    public static IChatClient WithHilt(this IChatClient client, HiltRecorder recorder) =>
        new HiltChatClient(Throw.IfNull(client), Throw.IfNull(recorder));
}
