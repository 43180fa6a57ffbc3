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
    private readonly Func<OpenAIStreamObservation> _observe;
    private OpenAIStreamObservation? _current;
    private int _started;

    /// <param name="inner">The SDK's collection.</param>
    /// <param name="observe">Creates the observation of the first enumeration (later ones pass through unobserved).</param>
    public ObservedAsyncCollectionResult(AsyncCollectionResult<StreamingChatCompletionUpdate> inner, Func<OpenAIStreamObservation> observe)
    {
        _inner = inner;
        _observe = observe;
    }

    /// <summary>Gets the SDK's collection.</summary>
    public AsyncCollectionResult<StreamingChatCompletionUpdate> Inner => _inner;

    public override IAsyncEnumerable<ClientResult> GetRawPagesAsync() =>
        Interlocked.Exchange(ref _started, 1) == 0 ? ObservedPagesAsync(_observe()) : _inner.GetRawPagesAsync();

    public override ContinuationToken? GetContinuationToken(ClientResult page) => _inner.GetContinuationToken(page);

    protected override IAsyncEnumerable<StreamingChatCompletionUpdate> GetValuesFromPageAsync(ClientResult page)
    {
        var values = ValuesFromPage(_inner, page);
        var observation = _current;
        return observation is null ? values : ObservedValuesAsync(values, observation);
    }

    private async IAsyncEnumerable<ClientResult> ObservedPagesAsync(OpenAIStreamObservation observation, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _current = observation;
        var ended = false;
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
                    observation.OnPage(page);
                }
                catch (Exception ex)
                {
                    observation.OnError(ex);
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

            observation.OnEnd(ended);
        }
    }

    private static async IAsyncEnumerable<StreamingChatCompletionUpdate> ObservedValuesAsync(
        IAsyncEnumerable<StreamingChatCompletionUpdate> values,
        OpenAIStreamObservation observation,
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
                    observation.OnError(ex);
                    throw;
                }

                observation.OnUpdate(update);
                yield return update;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
