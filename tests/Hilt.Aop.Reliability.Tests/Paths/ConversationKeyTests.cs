using System.Text.RegularExpressions;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Any conversation key a caller can pass gives a well-formed id, and never a crash.</summary>
[Trait(Category.Name, Category.Paths)]
public sealed partial class ConversationKeyTests
{
    public static TheoryData<string, string> HostileKeys() => new()
    {
        { "separators", "a/b\\c:d" },
        { "dot-dot", "../../etc/passwd" },
        { "nul", "tenant\0name" },
        { "long", new string('x', 100_000) },
        { "lone surrogate", "key\uD800end" },
        { "rtl", "\u202Etxt.exe" },
        { "empty", string.Empty },
        { "whitespace", " \t\r\n " },
    };

    [Theory]
    [MemberData(nameof(HostileKeys))]
    public void FromKey_HostileKey_GivesWellFormedIdThatDiffersFromNeighbours(string label, string key)
    {
        var id = HiltConversationId.FromKey(key);
        var neighbour = HiltConversationId.FromKey(key + "!");

        Assert.True(WellFormed().IsMatch(id), $"{label}: '{id}' is not conv_ + 12 hex digits.");
        Assert.NotEqual(neighbour, id);
    }

    [GeneratedRegex("^conv_[0-9a-f]{12}$")]
    private static partial Regex WellFormed();
}
