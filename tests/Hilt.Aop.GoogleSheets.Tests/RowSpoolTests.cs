using System.Text.Json;
using Hilt.Aop.Testing;

namespace Hilt.Aop.GoogleSheets.Tests;

public sealed class RowSpoolTests : IDisposable
{
    private static readonly string[] Columns = [HiltColumns.EventId, HiltColumns.Message, HiltColumns.TokensIn];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_AfterAppend_ReturnsRowsInOrderWithTypesKept()
    {
        var spool = new RowSpool(_folder.File("spool.jsonl"), 1 << 20);
        spool.Append(Columns, [["a", "=1+1", 15L], ["b", null, 2.5m]]);

        var batch = spool.Read(10, Columns);

        Assert.Equal(2, batch.Rows.Count);
        Assert.Equal("=1+1", batch.Rows[0][1]);
        Assert.Equal(15L, ((JsonElement)batch.Rows[0][2]!).GetInt64());
        Assert.Null(batch.Rows[1][1]);
        Assert.Equal(2.5m, ((JsonElement)batch.Rows[1][2]!).GetDecimal());
    }

    [Fact]
    public void Commit_PartOfTheRows_NextInstanceStartsAfterThem()
    {
        var path = _folder.File("spool.jsonl");
        var spool = new RowSpool(path, 1 << 20);
        spool.Append(Columns, [.. Enumerable.Range(0, 5).Select(i => new object?[] { $"id{i}", "m", i })]);
        spool.Commit(spool.Read(2, Columns));

        var reopened = new RowSpool(path, 1 << 20);
        var rest = reopened.Read(10, Columns);

        Assert.Equal(["id2", "id3", "id4"], rest.Rows.Select(r => (string)r[0]!));
        reopened.Commit(rest);
        Assert.False(reopened.HasPending);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".pos"));
    }

    [Fact]
    public void Read_RowsWrittenUnderOtherColumns_MappedByName()
    {
        var spool = new RowSpool(_folder.File("spool.jsonl"), 1 << 20);
        spool.Append([HiltColumns.Message, HiltColumns.EventId], [["hello", "id0"]]);

        var row = Assert.Single(spool.Read(10, [HiltColumns.EventId, HiltColumns.Model]).Rows);

        Assert.Equal("id0", row[0]);
        Assert.Null(row[1]);
    }

    [Fact]
    public void Append_PastTheBound_WritesWhatFitsAndCountsTheRest()
    {
        var spool = new RowSpool(_folder.File("spool.jsonl"), 4096);
        var rows = Enumerable.Range(0, 100).Select(i => new object?[] { $"id{i}", new string('x', 100), i }).ToList();

        var dropped = spool.Append(Columns, rows);

        Assert.InRange(dropped, 1, 99);
        Assert.True(new FileInfo(_folder.File("spool.jsonl")).Length <= 4096);
        var kept = spool.Read(1000, Columns).Rows;
        Assert.Equal(100 - dropped, kept.Count);
        Assert.Equal("id0", kept[0][0]);
    }

    [Fact]
    public void Read_LastLineTornByACrash_SkipsItAndReportsIt()
    {
        var path = _folder.File("spool.jsonl");
        new RowSpool(path, 1 << 20).Append(Columns, [["id0", "m", 1]]);
        File.AppendAllText(path, "{\"columns\":\"event_id\",\"cells\":[\"id");

        var spool = new RowSpool(path, 1 << 20);
        var batch = spool.Read(10, Columns);
        spool.Commit(batch);

        Assert.Equal("id0", Assert.Single(batch.Rows)[0]);
        Assert.Equal(1, batch.Skipped);
        Assert.False(spool.HasPending);
    }
}
