namespace Hilt.Aop;

/// <summary>How an intercepted method hands back its result, by Castle's async rules.</summary>
internal enum ChatCallShape
{
    /// <summary>A value (or nothing) returned synchronously.</summary>
    Sync,

    /// <summary>A <see cref="Task"/>.</summary>
    Task,

    /// <summary>A <see cref="Task{TResult}"/>.</summary>
    TaskOfT,

    /// <summary>A <see cref="ValueTask"/>.</summary>
    ValueTask,

    /// <summary>A <see cref="ValueTask{TResult}"/>.</summary>
    ValueTaskOfT,
}
