namespace Hilt.Aop.Reliability.Tests;

/// <summary>How a <see cref="BrokenOpenAIServer"/> misbehaves.</summary>
public enum BrokenServerMode
{
    /// <summary>Accepts the connection and the request, then never answers.</summary>
    Silence,

    /// <summary>Sends the headers and half of a completion body, then closes the connection.</summary>
    HalfBody,

    /// <summary>Starts a server-sent event stream, sends two chunks, then closes the connection mid-stream.</summary>
    CloseMidStream,
}
