namespace Hilt.Aop;

/// <summary>What a hand-written chat method returns (inside any task or stream).</summary>
internal enum HandWrittenResultKind
{
    /// <summary>The reply as a <see cref="string"/>.</summary>
    Text,

    /// <summary>A type implementing <see cref="IHiltChatResult"/> (or a subtype, checked per value).</summary>
    ChatResult,

    /// <summary>Anything else: read through <see cref="IHiltChatResult"/> when the value implements it, else no reply text.</summary>
    Other,
}
