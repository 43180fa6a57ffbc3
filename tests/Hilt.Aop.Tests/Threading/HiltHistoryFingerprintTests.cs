namespace Hilt.Aop.Tests.Threading;

public class HiltHistoryFingerprintTests
{
    [Theory]
    [InlineData("You are terse.", "What is HILT?", "You are terse.", "What is HILT!")]   // last character, outside the 4-char words
    [InlineData("sys", "abcdefgh", "sys", "abcdefgi")]                               // inside a word
    [InlineData("ab", "c", "a", "bc")]                                               // where one message ends
    [InlineData(null, "question", "", "question")]                                   // no system message vs an empty one
    [InlineData("s", "\u4e2d\u6587", "s", "\u4e2e\u6587")]                             // a character's high byte
    public void Compute_DifferentOpenings_GiveDifferentFingerprints(string? systemA, string? userA, string? systemB, string? userB) =>
        Assert.NotEqual(HiltHistoryFingerprint.Compute(systemA, userA), HiltHistoryFingerprint.Compute(systemB, userB));

    [Fact]
    public void Compute_SameOpening_IsStable()
    {
        var text = new string('x', 1001);
        Assert.Equal(HiltHistoryFingerprint.Compute("sys", text), HiltHistoryFingerprint.Compute("sys", string.Concat(text.AsSpan(0, 500), text.AsSpan(500))));
        Assert.Null(HiltHistoryFingerprint.Compute(null, null));
    }
}
