namespace Hilt.Aop.OpenAI;

/// <summary>Extends <see cref="HiltOptions"/> with the OpenAI SDK's chat calls.</summary>
public static class OpenAIHiltOptionsExtensions
{
    /// <summary>
    /// Lets <see cref="HiltInterceptor"/> log the chat calls of <see cref="IOpenAIChatClient"/> and of proxied
    /// <see cref="global::OpenAI.Chat.ChatClient"/> instances.
    /// </summary>
    /// <param name="options">The recorder's options.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <remarks>Not needed for the drop-in client of <see cref="OpenAIChatClientExtensions.WithHilt"/>, which reads its calls itself.</remarks>
    public static HiltOptions AddOpenAI(this HiltOptions options)
    {
        if (!Throw.IfNull(options).ChatCallAdapters.Contains(OpenAIChatCallAdapter.Instance))
        {
            options.ChatCallAdapters.Add(OpenAIChatCallAdapter.Instance);
        }

        return options;
    }
}
