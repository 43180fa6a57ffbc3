namespace Hilt.Aop.Reliability.Tests;

/// <summary>The trait values that group the trust suite (<c>dotnet test --filter Category=Faults</c>).</summary>
internal static class Category
{
    public const string Name = "Category";

    public const string Crash = "Crash";

    public const string Shutdown = "Shutdown";

    public const string Faults = "Faults";

    public const string Load = "Load";

    public const string HostileInput = "HostileInput";

    public const string Secrets = "Secrets";

    public const string Paths = "Paths";

    public const string RoundTrip = "RoundTrip";

    public const string Permissions = "Permissions";
}
