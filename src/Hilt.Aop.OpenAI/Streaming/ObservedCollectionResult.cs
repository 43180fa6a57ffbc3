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
    private readonly Func<OpenAIStreamObservation> _observe;
    private OpenAIStreamObservation? _current;
    private int _started;

    /// <param name="inner">The SDK's collection.</param>
    /// <param name="observe">Creates the observation of the first enumeration (later ones pass through unobserved).</param>
    public ObservedCollectionResult(CollectionResult<StreamingChatCompletionUpdate> inner, Func<OpenAIStreamObservation> observe)
    {
        _inner = inner;
        _observe = observe;
    }

    /// <summary>Gets the SDK's collection.</summary>
    public CollectionResult<StreamingChatCompletionUpdate> Inner => _inner;

    public override IEnumerable<ClientResult> GetRawPages() =>
        Interlocked.Exchange(ref _started, 1) == 0 ? ObservedPages(_observe()) : _inner.GetRawPages();

    public override ContinuationToken? GetContinuationToken(ClientResult page) => _inner.GetContinuationToken(page);

    protected override IEnumerable<StreamingChatCompletionUpdate> GetValuesFromPage(ClientResult page)
    {
        var values = ValuesFromPage(_inner, page);
        var observation = _current;
        return observation is null ? values : ObservedValues(values, observation);
    }

    private IEnumerable<ClientResult> ObservedPages(OpenAIStreamObservation observation)
    {
        _current = observation;
        var ended = false;
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
            pages?.Dispose();
            observation.OnEnd(ended);
        }
    }

    private static IEnumerable<StreamingChatCompletionUpdate> ObservedValues(IEnumerable<StreamingChatCompletionUpdate> values, OpenAIStreamObservation observation)
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
                observation.OnError(ex);
                throw;
            }

            observation.OnUpdate(update);
            yield return update;
        }
    }
}
