using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;

namespace Hilt.Aop.Tests.Interception;

public interface IBot
{
    string Ask(string prompt);

    Task<string> AskAsync(string question, CancellationToken cancellationToken = default);

    ValueTask<string> AskValueAsync(string message);

    [HiltChatCall]
    Task SayAsync(string prompt);

    [HiltChatCall]
    ValueTask SayValueAsync(string prompt);

    IAsyncEnumerable<string> StreamAsync(string prompt, CancellationToken cancellationToken = default);

    Task<string> FailEarlyAsync(string prompt);

    int Add(int a, int b);

    string Describe(string name);

    [HiltIgnore]
    string Echo(string prompt);
}

/// <summary>A target that advances the fake clock by <see cref="Delay"/> inside each call, then answers or throws.</summary>
public sealed class Bot(FakeTimeProvider clock) : IBot
{
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(250);

    public Exception? Failure { get; set; }

    public string Reply { get; } = new string(['P', 'a', 'r', 'i', 's', '.']);

    public string[] Chunks { get; set; } = ["Hel", "lo", " wor", "ld"];

    public int StreamsStarted { get; private set; }

    public int ChunksProduced { get; private set; }

    public bool StreamFinalized { get; private set; }

    public int AddCalls { get; private set; }

    public string Ask(string prompt)
    {
        clock.Advance(Delay);
        return Failure is null ? Reply : throw Failure;
    }

    public async Task<string> AskAsync(string question, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        clock.Advance(Delay);
        cancellationToken.ThrowIfCancellationRequested();
        return Failure is null ? Reply : throw Failure;
    }

    public async ValueTask<string> AskValueAsync(string message)
    {
        await Task.Yield();
        clock.Advance(Delay);
        return Failure is null ? Reply : throw Failure;
    }

    public async Task SayAsync(string prompt)
    {
        await Task.Yield();
        clock.Advance(Delay);
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public async ValueTask SayValueAsync(string prompt)
    {
        await Task.Yield();
        clock.Advance(Delay);
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public async IAsyncEnumerable<string> StreamAsync(string prompt, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StreamsStarted++;
        try
        {
            foreach (var chunk in Chunks)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                clock.Advance(Delay);
                ChunksProduced++;
                yield return chunk;
            }

            if (Failure is not null)
            {
                throw Failure;
            }
        }
        finally
        {
            StreamFinalized = true;
        }
    }

    public Task<string> FailEarlyAsync(string prompt) => throw (Failure ?? new InvalidOperationException("early"));

    public int Add(int a, int b)
    {
        AddCalls++;
        return a + b;
    }

    public string Describe(string name) => "about " + name;

    public string Echo(string prompt) => prompt;
}
