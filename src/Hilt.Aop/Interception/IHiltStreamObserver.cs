namespace Hilt.Aop;

/// <summary>Watches one streamed chat call on Hilt's behalf; given to <see cref="HiltChatCallBinding.WrapStream"/>.</summary>
/// <remarks>
/// Implemented by Hilt. Never throws. Only the first end (completed, failed or abandoned) counts; later ones are
/// ignored, so a wrapper may call <see cref="OnAbandoned"/> from its dispose unconditionally.
/// </remarks>
public interface IHiltStreamObserver
{
    /// <summary>Records one item as the caller receives it.</summary>
    /// <param name="item">The item, passed to <see cref="HiltChatCallBinding.ReadStreamItem"/>.</param>
    void OnItem(object? item);

    /// <summary>Records that the stream ended normally.</summary>
    void OnCompleted();

    /// <summary>Records that the stream failed.</summary>
    /// <param name="exception">The exception the caller receives.</param>
    void OnFailed(Exception exception);

    /// <summary>Records that the caller stopped reading before the end; the reply so far is logged as partial.</summary>
    void OnAbandoned();
}
