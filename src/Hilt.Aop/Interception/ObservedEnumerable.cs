using System.Collections;

namespace Hilt.Aop;

/// <summary>A pass-through <see cref="IEnumerable{T}"/> that tells an observer about every item and about the end.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>Lazy like the stream it wraps; disposing before the end tells the observer the stream was abandoned.</remarks>
internal sealed class ObservedEnumerable<T>(IEnumerable<T> inner, IHiltStreamObserver observer) : IEnumerable<T>
{
    public IEnumerator<T> GetEnumerator()
    {
        IEnumerator<T> enumerator;
        try
        {
            enumerator = inner.GetEnumerator();
        }
        catch (Exception ex)
        {
            observer.OnFailed(ex);
            throw;
        }

        return new Enumerator(enumerator, observer);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(IEnumerator<T> inner, IHiltStreamObserver observer) : IEnumerator<T>
    {
        public T Current => inner.Current;

        object? IEnumerator.Current => inner.Current;

        public bool MoveNext()
        {
            bool hasItem;
            try
            {
                hasItem = inner.MoveNext();
            }
            catch (Exception ex)
            {
                observer.OnFailed(ex);
                throw;
            }

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

        public void Reset() => inner.Reset();

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                observer.OnAbandoned();
            }
        }
    }
}
