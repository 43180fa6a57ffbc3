namespace Hilt.Aop;

/// <summary>What a <see cref="HiltDiagnostic"/> reports.</summary>
public enum HiltDiagnosticKind
{
    /// <summary>A sink could not write events; they are counted as lost unless it retries.</summary>
    WriteFailed,

    /// <summary>A sink wrote again after failing.</summary>
    WriteRecovered,

    /// <summary>Events were dropped because a queue was full or a sink was closed.</summary>
    EventsDropped,

    /// <summary>Hilt itself failed while observing a call (an adapter, a sink's <c>Emit</c>, a redactor); the call went on unchanged.</summary>
    InternalError,

    /// <summary>A model has no price; its calls carry <c>cost_status: unknown_model</c>.</summary>
    UnknownModel,

    /// <summary>Shutdown could not write everything within its bound.</summary>
    ShutdownIncomplete,

    /// <summary>Anything else worth knowing.</summary>
    Information,
}
