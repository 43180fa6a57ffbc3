namespace Hilt.Aop;

/// <summary>One report from Hilt about itself: a write failure, dropped events, an internal error.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Source">Who reports it: a sink name, <c>interceptor</c>, <c>pricing</c>.</param>
/// <param name="Message">A sentence for a person; never contains prompt text or credentials.</param>
/// <param name="Exception">The exception behind it, if any.</param>
/// <param name="Count">How many events it concerns, where that applies.</param>
public sealed record HiltDiagnostic(HiltDiagnosticKind Kind, string Source, string Message, Exception? Exception = null, long Count = 0);
