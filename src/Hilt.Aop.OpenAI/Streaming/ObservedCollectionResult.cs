using System.ClientModel;
using System.Reflection;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>
/// The SDK's own streaming result type, passing every update through untouched and lazily, and reporting
/// the stream once when it ends, fails or is abandoned.
/// </summary>
/// <remarks>
/// <see cref="CollectionResult{T}.GetEnumerator"/> is not virtual: it walks <see cref="GetRawPages"/> and
/// <see cref="GetValuesFromPage"/>, so both are forwarded to the SDK's collection. Its page reader is
/// protected; it is bound once, as an open delegate.
/// </remarks>
internal sealed class ObservedCollectionResult : CollectionResult<StreamingChatCompletionUpdate>
{
    private static readonly Func<CollectionResult<StreamingChatCompletionUpdate>, ClientResult, IEnumerable<StreamingChatCompletionUpdate>> ValuesFromPage =
        typeof(CollectionResult<StreamingChatCompletionUpdate>)
            .GetMethod(nameof(GetValuesFromPage), BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<CollectionResult<StreamingChatCompletionUpdate>, ClientResult, IEnumerable<StreamingChatCompletionUpdate>>>();

    private readonly CollectionResult<StreamingChatCompletionUpdate> _inner;
    private readonly IHiltStreamObserver _observer;
    private IHiltStreamObserver? _current;
    private int _started;

    /// <param name="inner">The SDK's collection.</param>
    /// <param name="observer">Watches the first enumeration (later ones pass through unobserved).</param>
    public ObservedCollectionResult(CollectionResult<StreamingChatCompletionUpdate> inner, IHiltStreamObserver observer)
    {
        _inner = inner;
        _observer = observer;
    }

    /// <summary>Gets the SDK's collection.</summary>
    public CollectionResult<StreamingChatCompletionUpdate> Inner => _inner;

    public override IEnumerable<ClientResult> GetRawPages() =>
        Interlocked.Exchange(ref _started, 1) == 0 ? ObservedPages(_observer) : _inner.GetRawPages();

    public override ContinuationToken? GetContinuationToken(ClientResult page) => _inner.GetContinuationToken(page);

    protected override IEnumerable<StreamingChatCompletionUpdate> GetValuesFromPage(ClientResult page)
    {
        var values = ValuesFromPage(_inner, page);
        var observer = _current;
        return observer is null ? values : ObservedValues(values, observer);
    }

    private IEnumerable<ClientResult> ObservedPages(IHiltStreamObserver observer)
    {
        _current = observer;
        var ended = false;
        int? status = null;
        IEnumerator<ClientResult>? pages = null;
        try
        {
            while (true)
            {
                ClientResult page;
                try
                {
                    pages ??= _inner.GetRawPages().GetEnumerator();
                    if (!pages.MoveNext())
                    {
                        ended = true;
                        break;
                    }

                    page = pages.Current;
                    status ??= StatusOf(page);
                }
                catch (Exception ex)
                {
                    observer.OnFailed(ex);
                    throw;
                }

                yield return page;
            }
        }
        finally
        {
            _current = null;
            pages?.Dispose();
            if (status is { } code)
            {
                observer.OnItem(new OpenAIStreamStatus(code));
            }

            if (ended)
            {
                observer.OnCompleted();
            }
            else
            {
                // Disposed before the end: the consumer stopped early, or a failure was already reported (it wins).
                observer.OnAbandoned();
            }
        }
    }

    private static IEnumerable<StreamingChatCompletionUpdate> ObservedValues(IEnumerable<StreamingChatCompletionUpdate> values, IHiltStreamObserver observer)
    {
        using var enumerator = values.GetEnumerator();
        while (true)
        {
            StreamingChatCompletionUpdate update;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                update = enumerator.Current;
            }
            catch (Exception ex)
            {
                observer.OnFailed(ex);
                throw;
            }

            observer.OnItem(update);
            yield return update;
        }
    }

    private static int? StatusOf(ClientResult page)
    {
        try
        {
            return page.GetRawResponse()?.Status;
        }
        catch (InvalidOperationException)
        {
            // A page without a response (a test double): the status stays unknown.
            return null;
        }
    }
}
