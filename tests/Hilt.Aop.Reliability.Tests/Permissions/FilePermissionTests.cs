namespace Hilt.Aop.Reliability.Tests;

/// <summary>Log files hold prompts and replies: on Unix they are created readable by the owner only, unless configured otherwise.</summary>
[Trait(Category.Name, Category.Permissions)]
public sealed class FilePermissionTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task JsonlSink_DefaultOptions_CreatesEveryFileOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var options = new HiltOptions().WriteToJsonl(folder.File("logs/{tenant}/chat.jsonl"), o => o.MaxFileSizeBytes = 2_000);
        await using (var recorder = new HiltRecorder(options))
        {
            for (var i = 0; i < 40; i++)
            {
                recorder.Emit(Events.Prompt($"message {i}").WithExtensions(new Dictionary<string, object?> { [HiltExtensionKeys.Tenant] = $"t{i % 3}" }));

                // One event per batch, so files roll by size.
                await recorder.FlushAsync();
            }
        }

        var files = Directory.EnumerateFiles(folder.Path, "*.jsonl", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count >= 6, $"Expected rolled files for three tenants, found {files.Count}.");
        Assert.All(files, f => Assert.Equal(OwnerOnly, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task JsonlSink_ModeConfigured_UsesTheGivenMode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var mode = OwnerOnly | UnixFileMode.GroupRead;
        var path = folder.File("chat.jsonl");
        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, UnixFileMode = mode }))
        {
            sink.Emit(Events.Prompt("hello"));
        }

        Assert.Equal(mode, File.GetUnixFileMode(path));
    }
}
