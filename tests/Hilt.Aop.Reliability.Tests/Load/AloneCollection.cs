namespace Hilt.Aop.Reliability.Tests;

/// <summary>Tests that measure the process (heap, timing) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
