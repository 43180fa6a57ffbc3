namespace Hilt.Aop;

/// <summary>Removes secrets and personal data from an event before any sink sees it.</summary>
/// <remarks>Called on the intercepted call's thread for every event: keep it fast and thread-safe.</remarks>
public interface IHiltRedactor
{
    /// <summary>Returns the event with sensitive text replaced, or the same instance when there is nothing to hide.</summary>
    /// <param name="hiltEvent">The event.</param>
    /// <returns>The redacted event.</returns>
    HiltEvent Redact(HiltEvent hiltEvent);
}
