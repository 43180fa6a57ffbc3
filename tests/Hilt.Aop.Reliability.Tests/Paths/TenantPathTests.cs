using Microsoft.Extensions.AI;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Tenant and session names with separators, <c>..</c>, NUL or great length: never a file outside the log folder, never a crash.</summary>
[Trait(Category.Name, Category.Paths)]
public sealed class TenantPathTests
{
    private static readonly string Escape = $"hilt-escape-{Guid.NewGuid():N}";

    public static IReadOnlyList<string> HostileNames { get; } =
    [
        "../" + Escape,
        "../../" + Escape,
        "..",
        ".",
        "a/b/c",
        "a\\b",
        "/tmp/" + Escape,
        "C:\\" + Escape,
        "nul\0byte",
        "CON",
        "lpt1.txt",
        new string('t', 10_000),
        "lone\uD800surrogate",
        "名前テナント",
        "line\nbreak",
        " ",
        string.Empty,
        "a:b*c?d\"e<f>g|h",
        "~",
        "$HOME",
        "%APPDATA%",
    ];

    [Fact]
    public async Task Calls_HostileTenantAndSessionNames_EveryFileInsideTheLogFolderAndEveryEventWritten()
    {
        using var sandbox = new TempFolder();
        var logs = sandbox.File("logs");
        var options = new HiltOptions().WriteToJsonl(Path.Combine(logs, "{tenant}", "chat.jsonl"));
        await using (var recorder = new HiltRecorder(options))
        {
            var proxy = HiltProxy.Create<IChatClient>(new EchoChatClient(), recorder);
            foreach (var name in HostileNames)
            {
                using (HiltScope.Begin(new HiltSession { ConversationKey = name, Tenant = name, Name = name, User = name }))
                {
                    var response = await proxy.GetResponseAsync([new ChatMessage(ChatRole.User, "hello")]);
                    Assert.Equal("r|hello", response.Text);
                }
            }
        }

        Assert.Equal(0, options.Diagnostics.LostEvents);
        Assert.Equal(0, options.Diagnostics.InternalErrors);
        Assert.Equal(["logs"], Directory.EnumerateFileSystemEntries(sandbox.Path).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), Escape)));
        Assert.False(File.Exists(Path.Combine("/tmp", Escape)));
        var root = Path.GetFullPath(logs) + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories).ToList();
        Assert.All(files, f => Assert.StartsWith(root, Path.GetFullPath(f), StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(Path.GetFileName(Path.GetDirectoryName(f))!.Length <= 255));
        // Each distinct name got its own folder (names are routed, not lumped into the default).
        Assert.True(Directory.GetDirectories(logs).Length >= HostileNames.Count(n => !string.IsNullOrWhiteSpace(n)));
        var events = JsonlFiles.ReadAllWhole(logs);
        Assert.Equal(2 * HostileNames.Count, events.Count);
    }

    [Fact]
    public void SanitizeTenant_DistinctHostileNames_MapToDistinctSafeFolders()
    {
        var folders = HostileNames.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => JsonlPathTemplate.SanitizeTenant(n, "_default"))
            .ToList();

        Assert.All(folders, f => Assert.Matches("^[A-Za-z0-9_.-]{1,64}$", f));
        Assert.All(folders, f => Assert.NotEqual("..", f));
        Assert.All(folders, f => Assert.NotEqual(".", f));
        Assert.Equal(folders.Count, folders.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
