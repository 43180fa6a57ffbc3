namespace Hilt.Aop;

/// <summary>A pass-through <see cref="IAsyncEnumerable{T}"/> that tells an observer about every item and about the end.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Stays lazy: nothing is read from the inner stream until the caller reads. Items and exceptions reach the caller unchanged;
/// disposing before the end tells the observer the stream was abandoned.
/// </remarks>
internal sealed class ObservedAsyncEnumerable<T>(IAsyncEnumerable<T> inner, IHiltStreamObserver observer) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<T> enumerator;
        try
        {
            enumerator = inner.GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex)
        {
            observer.OnFailed(ex);
            throw;
        }

        return new Enumerator(enumerator, observer);
    }

    private sealed class Enumerator(IAsyncEnumerator<T> inner, IHiltStreamObserver observer) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            ValueTask<bool> next;
            try
            {
                next = inner.MoveNextAsync();
            }
            catch (Exception ex)
            {
                observer.OnFailed(ex);
                throw;
            }

            return next.IsCompletedSuccessfully ? new ValueTask<bool>(After(next.Result)) : AwaitAsync(next);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                // After a normal end or a failure this does nothing: only the first end counts.
                observer.OnAbandoned();
            }
        }

        private async ValueTask<bool> AwaitAsync(ValueTask<bool> next)
        {
            bool hasItem;
            try
            {
                hasItem = await next.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                observer.OnFailed(ex);
                throw;
            }

            return After(hasItem);
        }

        private bool After(bool hasItem)
        {
            if (hasItem)
            {
                observer.OnItem(inner.Current);
            }
            else
            {
                observer.OnCompleted();
            }

            return hasItem;
        }
    }
}
