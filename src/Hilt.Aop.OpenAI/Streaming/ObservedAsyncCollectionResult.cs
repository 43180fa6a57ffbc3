using System.ClientModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>
/// The SDK's own asynchronous streaming result type, passing every update through untouched and lazily,
/// and reporting the stream once when it ends, fails or is abandoned.
/// </summary>
/// <remarks>See <see cref="ObservedCollectionResult"/> for why the page reader is bound as a delegate.</remarks>
internal sealed class ObservedAsyncCollectionResult : AsyncCollectionResult<StreamingChatCompletionUpdate>
{
    private static readonly Func<AsyncCollectionResult<StreamingChatCompletionUpdate>, ClientResult, IAsyncEnumerable<StreamingChatCompletionUpdate>> ValuesFromPage =
        typeof(AsyncCollectionResult<StreamingChatCompletionUpdate>)
            .GetMethod(nameof(GetValuesFromPageAsync), BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<AsyncCollectionResult<StreamingChatCompletionUpdate>, ClientResult, IAsyncEnumerable<StreamingChatCompletionUpdate>>>();

    private readonly AsyncCollectionResult<StreamingChatCompletionUpdate> _inner;
    private readonly IHiltStreamObserver _observer;
    private IHiltStreamObserver? _current;
    private int _started;

    /// <param name="inner">The SDK's collection.</param>
    /// <param name="observer">Watches the first enumeration (later ones pass through unobserved).</param>
    public ObservedAsyncCollectionResult(AsyncCollectionResult<StreamingChatCompletionUpdate> inner, IHiltStreamObserver observer)
    {
        _inner = inner;
        _observer = observer;
    }

    /// <summary>Gets the SDK's collection.</summary>
    public AsyncCollectionResult<StreamingChatCompletionUpdate> Inner => _inner;

    public override IAsyncEnumerable<ClientResult> GetRawPagesAsync() =>
        Interlocked.Exchange(ref _started, 1) == 0 ? ObservedPagesAsync(_observer) : _inner.GetRawPagesAsync();

    public override ContinuationToken? GetContinuationToken(ClientResult page) => _inner.GetContinuationToken(page);

    protected override IAsyncEnumerable<StreamingChatCompletionUpdate> GetValuesFromPageAsync(ClientResult page)
    {
        var values = ValuesFromPage(_inner, page);
        var observer = _current;
        return observer is null ? values : ObservedValuesAsync(values, observer);
    }

    private async IAsyncEnumerable<ClientResult> ObservedPagesAsync(IHiltStreamObserver observer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _current = observer;
        var ended = false;
        int? status = null;
        IAsyncEnumerator<ClientResult>? pages = null;
        try
        {
            while (true)
            {
                ClientResult page;
                try
                {
                    pages ??= _inner.GetRawPagesAsync().GetAsyncEnumerator(cancellationToken);
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
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
            if (pages is not null)
            {
                await pages.DisposeAsync().ConfigureAwait(false);
            }

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

    private static async IAsyncEnumerable<StreamingChatCompletionUpdate> ObservedValuesAsync(
        IAsyncEnumerable<StreamingChatCompletionUpdate> values,
        IHiltStreamObserver observer,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = values.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
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
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
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
