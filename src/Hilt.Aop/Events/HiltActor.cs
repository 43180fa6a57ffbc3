namespace Hilt.Aop;

/// <summary>Who authored a HILT event.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class HiltActor
{
    /// <summary>Initializes a new instance of the <see cref="HiltActor"/> class.</summary>
    /// <param name="type">One of <see cref="HiltActorTypes.All"/>.</param>
    /// <param name="id">The actor's identifier, such as a user id or a provider name.</param>
    /// <param name="name">An optional display name.</param>
    /// <param name="metadata">Optional free-form metadata; copied, so later changes to the argument are not seen.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not an allowed actor type.</exception>
    public HiltActor(string type, string id, string? name = null, IReadOnlyDictionary<string, object?>? metadata = null)
    {
        Type = Throw.IfNotOneOf(type, HiltActorTypes.All);
        Id = Throw.IfNull(id);
        Name = name;
        Metadata = FreeForm.Snapshot(metadata);
    }

    /// <summary>Gets the actor type: one of <see cref="HiltActorTypes.All"/>.</summary>
    public string Type { get; }

    /// <summary>Gets the actor's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the display name, if any.</summary>
    public string? Name { get; }

    /// <summary>Gets free-form metadata, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Metadata { get; }
}
