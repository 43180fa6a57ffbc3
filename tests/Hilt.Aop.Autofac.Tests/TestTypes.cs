using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Castle.DynamicProxy;
using Hilt.Aop.Autofac.Interception;

namespace Hilt.Aop.Autofac.Tests;

public interface IChatService
{
    string Ask(string prompt);

    Task<string> AskAsync(string prompt, CancellationToken cancellationToken = default);

    IAsyncEnumerable<string> StreamAsync(string prompt, CancellationToken cancellationToken = default);

    int CountWords(string text);
}

public interface IModeration
{
    bool IsAllowed(string text);
}

public sealed class FakeChatService : IChatService, IModeration
{
    public string Ask(string prompt) => "echo: " + prompt;

    public async Task<string> AskAsync(string prompt, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return "async echo: " + prompt;
    }

    public async IAsyncEnumerable<string> StreamAsync(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var word in prompt.Split(' '))
        {
            await Task.Yield();
            yield return word;
        }
    }

    public int CountWords(string text) => text.Split(' ').Length;

    public bool IsAllowed(string text) => !text.Contains("forbidden", StringComparison.Ordinal);
}

public interface IAiService<T>
{
    T Complete(T prompt);
}

public sealed class AiService<T> : IAiService<T>
{
    public T Complete(T prompt) => prompt;
}

[Intercept(typeof(CountingInterceptor))]
public interface IMarkedService
{
    string Name();
}

public sealed class MarkedService : IMarkedService
{
    public string Name() => "marked";
}

[Intercept("counter")]
public sealed class MarkedByNameService : IMarkedService
{
    public string Name() => "marked by name";
}

public interface IGreeter
{
    string Greet(string name);
}

public sealed class Clock
{
    public string Now => "noon";
}

public sealed class GreeterWithProperty : IGreeter
{
    public Clock? Clock { get; set; }

    public bool Activated { get; set; }

    public string Greet(string name) => $"hello {name} at {Clock?.Now ?? "no clock"}";
}

public sealed class ShoutingGreeter(IGreeter inner) : IGreeter
{
    public IGreeter Inner => inner;

    public string Greet(string name) => inner.Greet(name).ToUpperInvariant();
}

/// <summary>Counts the calls it sees, by method name.</summary>
public sealed class CountingInterceptor : IInterceptor
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> Calls => _calls.ToArray();

    public void Intercept(IInvocation invocation)
    {
        _calls.Enqueue(invocation.Method.Name);
        invocation.Proceed();
    }
}

/// <summary>Records, for every call, the session it was created with and the first argument.</summary>
public sealed class SessionProbe(HiltSession? session, ConcurrentQueue<(HiltSession? Session, object? Argument)> seen) : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        seen.Enqueue((session, invocation.Arguments.Length > 0 ? invocation.Arguments[0] : null));
        invocation.Proceed();
    }
}

/// <summary>A sink that remembers whether it was disposed.</summary>
public sealed class DisposalTrackingSink : IHiltSink
{
    public bool Disposed { get; private set; }

    public void Emit(HiltEvent hiltEvent)
    {
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose() => Disposed = true;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
