namespace Hilt.Aop.Tests.Context;

public class HiltScopeTests
{
    [Fact]
    public void Begin_Nested_InheritsAndRestores()
    {
        Assert.Null(HiltScope.Current);
        using (HiltScope.Begin("outer", tenant: "acme", user: "u1"))
        {
            using (HiltScope.Begin(new HiltSession { ConversationKey = "inner" }))
            {
                Assert.Equal("inner", HiltScope.Current!.ConversationKey);
                Assert.Equal("acme", HiltScope.Current.Tenant);
                Assert.Equal("u1", HiltScope.Current.User);
            }

            Assert.Equal("outer", HiltScope.Current!.ConversationKey);
        }

        Assert.Null(HiltScope.Current);
    }

    [Fact]
    public async Task Begin_ConcurrentTasks_NeverSeeEachOther()
    {
        var failures = 0;
        var tasks = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            using (HiltScope.Begin($"conversation-{i}", tenant: $"tenant-{i}"))
            {
                for (var step = 0; step < 20; step++)
                {
                    await Task.Yield();
                    if (HiltScope.Current?.ConversationKey != $"conversation-{i}" || HiltScope.Current.Tenant != $"tenant-{i}")
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        }));
        await Task.WhenAll(tasks);
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task Begin_TaskStartedInside_KeepsValuesAfterScopeEnds()
    {
        var release = new TaskCompletionSource();
        Task<string?> inner;
        using (HiltScope.Begin("started-inside"))
        {
            inner = Task.Run(async () =>
            {
                await release.Task;
                return HiltScope.Current?.ConversationKey;
            });
        }

        Assert.Null(HiltScope.Current);
        release.SetResult();
        Assert.Equal("started-inside", await inner);
    }

    [Fact]
    public async Task Begin_InsideAwaitedMethod_DoesNotFlowOut()
    {
        static async Task OpenScopeAsync()
        {
            HiltScope.Begin("leaky");
            await Task.Yield();
        }

        await OpenScopeAsync();
        Assert.Null(HiltScope.Current);
    }

    [Fact]
    public void Suppress_TurnsLoggingOffInside()
    {
        using (HiltScope.Suppress())
        {
            Assert.False(HiltScope.Current!.LoggingEnabled);
        }

        Assert.Null(HiltScope.Current);
    }
}
