namespace Hilt.Aop;

/// <summary>Where an ambient session came from; decides precedence between sources.</summary>
internal enum HiltScopeKind
{
    /// <summary>A container lifetime scope (per request, per tenant).</summary>
    Container,

    /// <summary>A <c>[HiltSession]</c> attribute on the intercepted method or type.</summary>
    Attribute,

    /// <summary>A scope the caller opened with <see cref="HiltScope.Begin(HiltSession)"/>.</summary>
    Explicit,
}
