namespace Hilt.Aop;

/// <summary>Implemented by the result type of a hand-written chat method to tell Hilt its reply, usage and model.</summary>
/// <remarks>Read once, when the call returns. Streamed items may implement it too: their texts are joined, the last usage and model win.</remarks>
public interface IHiltChatResult
{
    /// <summary>Gets the reply text.</summary>
    string? Text { get; }

    /// <summary>Gets the token usage, if known.</summary>
    HiltTokens? Tokens { get; }

    /// <summary>Gets the model that answered, if known.</summary>
    string? Model { get; }
}
