namespace Hilt.Aop.Tests.Events;

public class ExtensionsBuilderTests
{
    [Fact]
    public void ToFrozenMap_KeysSetAndReplaced_KeepsFirstOrderAndLastValue()
    {
        var builder = new ExtensionsBuilder();
        for (var i = 0; i < 20; i++)
        {
            builder[$"k{i}"] = i;
        }

        builder["k3"] = "replaced";
        builder.SetIfNotNull("skipped", null);
        var map = builder.ToFrozenMap();

        Assert.Equal(20, map.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"k{i}"), map.Keys);
        Assert.Equal("replaced", map["k3"]);
        Assert.Equal(19, map["k19"]);
        Assert.False(map.ContainsKey("skipped"));
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
    }
}
