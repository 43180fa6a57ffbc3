namespace Hilt.Aop.Tests.Context;

public class HiltConversationIdTests
{
    [Theory]
    [InlineData("rag_chat_1", "conv_9d6ded566067")]
    [InlineData("test_session", "conv_4524168b1d11")]
    [InlineData("auto_1", "conv_88441d0220c6")]
    [InlineData("a", "conv_8c0230cda606")]
    public void FromKey_SpecTestVectors_MatchPythonPackage(string key, string expected) =>
        Assert.Equal(expected, HiltConversationId.FromKey(key));

    [Fact]
    public void FromKey_KeyAlreadyAnId_IsKept() =>
        Assert.Equal("conv_0123456789ab", HiltConversationId.FromKey("conv_0123456789ab"));

    [Fact]
    public void FromKey_LongNonAsciiKey_IsStableAndWellFormed()
    {
        var key = new string('é', 2000) + "🙂";
        var id = HiltConversationId.FromKey(key);
        Assert.Equal(id, HiltConversationId.FromKey(key));
        Assert.Matches("^conv_[0-9a-f]{12}$", id);
    }
}
