namespace Hilt.Aop;

/// <summary>Waits for a call's result on the caller's behalf and ends the <see cref="HiltChatCall"/>, passing the result or exception on unchanged.</summary>
/// <remarks>
/// Completed tasks are handled on the spot and returned as they are. Pending ones are replaced, before the first await (Castle's
/// rule), by a task that completes with the same value or faults with the same exception instance.
/// </remarks>
internal static class ChatCallObservers
{
    public static object Task(object returned, HiltChatCall call)
    {
        var task = (Task)returned;
        if (task.IsCompleted)
        {
            EndCompleted(task, call);
            return task;
        }

        return ObserveAsync(task, call);
    }

    public static object TaskOf<T>(object returned, HiltChatCall call)
    {
        var task = (Task<T>)returned;
        if (task.IsCompletedSuccessfully)
        {
            call.Complete(task.Result);
            return task;
        }

        if (task.IsCompleted)
        {
            EndCompleted(task, call);
            return task;
        }

        return ObserveAsync(task, call);
    }

    public static object ValueTask(object returned, HiltChatCall call)
    {
        var valueTask = (ValueTask)returned;
        if (valueTask.IsCompletedSuccessfully)
        {
            call.Complete((object?)null);
            return valueTask;
        }

        return new ValueTask(ObserveAsync(valueTask.AsTask(), call));
    }

    public static object ValueTaskOf<T>(object returned, HiltChatCall call)
    {
        var valueTask = (ValueTask<T>)returned;
        if (valueTask.IsCompletedSuccessfully)
        {
            call.Complete(valueTask.Result);
            return valueTask;
        }

        return new ValueTask<T>(ObserveAsync(valueTask.AsTask(), call));
    }

    public static object AsyncEnumerable<T>(object returned, HiltChatCall call) =>
        new ObservedAsyncEnumerable<T>((IAsyncEnumerable<T>)returned, call);

    public static object Enumerable<T>(object returned, HiltChatCall call) =>
        new ObservedEnumerable<T>((IEnumerable<T>)returned, call);

    private static void EndCompleted(Task task, HiltChatCall call)
    {
        if (task.IsCompletedSuccessfully)
        {
            call.Complete((object?)null);
            return;
        }

        // The exception the caller's await will see: the first inner one, or the cancellation.
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            call.Fail(ex);
        }
    }

    private static async Task ObserveAsync(Task task, HiltChatCall call)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call.Fail(ex);
            throw;
        }

        call.Complete((object?)null);
    }

    private static async Task<T> ObserveAsync<T>(Task<T> task, HiltChatCall call)
    {
        T result;
        try
        {
            result = await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call.Fail(ex);
            throw;
        }

        call.Complete(result);
        return result;
    }
}
