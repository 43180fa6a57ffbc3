namespace Hilt.Aop;

/// <summary>How to read one chat method's calls: its request, its result and, for a stream, its items.</summary>
/// <remarks>
/// <para>
/// Created once per method by an <see cref="IHiltChatCallAdapter"/> and used for every call, from many threads
/// at once: keep it immutable and do all reflection when it is built. The members are called on the hot path,
/// so they should only read what they need; what they return must be snapshots (strings, numbers), never the
/// caller's mutable objects or raw image bytes. Anything a member throws is caught and reported by Hilt, and
/// the call goes on unlogged.
/// </para>
/// <para>
/// The interceptor decides how to wait for the result from the method's return type (synchronous,
/// <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/>, <see cref="ValueTask{TResult}"/>,
/// <see cref="IAsyncEnumerable{T}"/>). <see cref="ReadResponse"/> is given the awaited value. A streaming
/// binding is instead given the returned stream in <see cref="WrapStream"/>, so that types the interceptor does not
/// know (an SDK's own collection result) can be wrapped by the adapter that knows them.
/// </para>
/// </remarks>
public abstract class HiltChatCallBinding
{
    /// <summary>Initializes a new instance of the <see cref="HiltChatCallBinding"/> class.</summary>
    protected HiltChatCallBinding()
    {
    }

    /// <summary>Gets a value indicating whether the method returns a stream of items whose end completes the call.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public virtual bool IsStreaming => false;

    /// <summary>Reads the request of one call from its arguments.</summary>
    /// <param name="target">The object the call goes to (the proxied target or the inner client), if any.</param>
    /// <param name="arguments">The call's arguments, in parameter order; must not be modified.</param>
    /// <returns>What Hilt logs about the request.</returns>
    public abstract HiltChatRequest ReadRequest(object? target, object?[] arguments);

    /// <summary>Reads the outcome of a call that returned normally.</summary>
    /// <param name="result">The awaited result (<see langword="null"/> for <see langword="void"/>, <see cref="Task"/> or <see cref="ValueTask"/>).</param>
    /// <returns>What Hilt logs about the reply, or <see langword="null"/> when nothing can be read from it.</returns>
    public virtual HiltChatResponse? ReadResponse(object? result) => null;

    /// <summary>Reads one item of a streamed reply.</summary>
    /// <param name="item">The item as the stream yielded it.</param>
    /// <returns>What the item adds to the reply, or <see langword="null"/> when it adds nothing.</returns>
    public virtual HiltStreamUpdate? ReadStreamItem(object? item) => null;

    /// <summary>Wraps a returned stream so that Hilt sees its items and its end, without changing what the caller gets.</summary>
    /// <param name="stream">The value the method returned.</param>
    /// <param name="observer">Receives every item, then exactly one end: completed, failed or abandoned.</param>
    /// <returns>
    /// A pass-through replacement of the same static type as the method's return type, or <see langword="null"/> to let
    /// Hilt wrap it itself (it can wrap <see cref="IAsyncEnumerable{T}"/> and <see cref="IEnumerable{T}"/> results).
    /// </returns>
    /// <remarks>
    /// The wrapper must stay lazy (enumerate the inner stream only when the caller does), pass every item on
    /// unchanged, call <see cref="IHiltStreamObserver.OnItem"/> for each, then <see cref="IHiltStreamObserver.OnCompleted"/>
    /// at the end, <see cref="IHiltStreamObserver.OnFailed"/> with the original exception (which it rethrows unchanged),
    /// or <see cref="IHiltStreamObserver.OnAbandoned"/> when the caller disposes it early.
    /// </remarks>
    public virtual object? WrapStream(object? stream, IHiltStreamObserver observer) => null;

    /// <summary>Classifies a failure the way this binding's SDK means it, before Hilt's own rules are applied.</summary>
    /// <param name="exception">The exception the caller receives.</param>
    /// <param name="cancellationToken">The caller's cancellation token, as <see cref="ReadRequest"/> gave it.</param>
    /// <returns>The status and error code (format §5), or <see langword="null"/> to let Hilt classify it.</returns>
    /// <remarks>For SDKs whose own timeout surfaces as a plain cancellation, which only the SDK's adapter can tell from the caller's.</remarks>
    public virtual (int StatusCode, string ErrorCode)? ClassifyError(Exception exception, CancellationToken cancellationToken) => null;
}
