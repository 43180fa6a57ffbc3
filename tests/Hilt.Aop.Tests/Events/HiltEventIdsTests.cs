namespace Hilt.Aop.Tests.Events;

public class HiltEventIdsTests
{
    [Fact]
    public void NewId_ManyAtTheSameMillisecond_AreDistinctVersion7AndCarryTheTime()
    {
        var at = new DateTimeOffset(2026, 12, 4, 19, 33, 24, 97, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 100_000).Select(_ => HiltEventIds.NewId(at)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids.Take(100), id =>
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
            Assert.Equal(at.ToUnixTimeMilliseconds(), Convert.ToInt64(id.Replace("-", string.Empty)[..12], 16));
        });
    }
}
