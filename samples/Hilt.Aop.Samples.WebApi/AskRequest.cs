namespace Hilt.Aop.Samples.WebApi;

/// <summary>The body of <c>POST /ask</c>.</summary>
public sealed record AskRequest(string Question);
