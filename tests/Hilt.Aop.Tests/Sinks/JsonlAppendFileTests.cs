using System.Text;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Tests.Sinks;

public class JsonlAppendFileTests
{
    public static TheoryData<string> Kinds() => new() { "native", "stream" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Append_TwoHandlesOnOneFile_NeverOverwriteEachOther(string kind)
    {
        using var folder = new TempFolder();
        var path = folder.File("shared.jsonl");
        using var first = Open(kind, path);
        using var second = Open(kind, path);

        first.Append("a1\n"u8);
        second.Append("b1\n"u8);
        first.Append("a2\n"u8);
        second.Append("b2\nb3\n"u8);
        first.FlushToDisk();

        Assert.Equal("a1\nb1\na2\nb2\nb3\n", File.ReadAllText(path, Encoding.UTF8));
    }

    [Fact]
    public void Open_ExistingFile_KeepsItsContentAndPermissions()
    {
        using var folder = new TempFolder();
        var path = folder.File("existing.jsonl");
        File.WriteAllText(path, "old\n");

        using (var file = new JsonlFileOpener().Open(path, UnixFileMode.UserRead | UnixFileMode.UserWrite))
        {
            file.Append("new\n"u8);
        }

        Assert.Equal("old\nnew\n", File.ReadAllText(path));
    }

    private static IJsonlAppendFile Open(string kind, string path) => kind == "native"
        ? new JsonlFileOpener().Open(path, null)
        : new StreamAppendFile(path, null);
}
