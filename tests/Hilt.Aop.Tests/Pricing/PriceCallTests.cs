using Hilt.Aop.Testing;

namespace Hilt.Aop.Tests.Pricing;

public class PriceCallTests
{
    [Fact]
    public void PriceCall_KnownModel_ReturnsCostAndNoStatus()
    {
        using var recorder = new HiltRecorder(new HiltOptions());

        var (cost, status) = recorder.PriceCall("gpt-4o-mini-2024-07-18", "openai", new HiltTokens { Prompt = 1000, Completion = 500 });

        Assert.Equal(0.00045m, cost);
        Assert.Null(status);
    }

    [Fact]
    public void PriceCall_UnknownModelManyTimes_NoCostStatusAndExactlyOneDiagnostic()
    {
        var options = new HiltOptions();
        var reports = new List<HiltDiagnostic>();
        options.Diagnostics.Reported += reports.Add;
        using var recorder = new HiltRecorder(options);

        var results = Enumerable.Range(0, 50)
            .Select(i => recorder.PriceCall(i % 2 == 0 ? "mystery-model-7" : "MYSTERY-model-7", "acme", new HiltTokens { Prompt = 10, Completion = 10 }))
            .ToList();

        Assert.All(results, r => Assert.Equal((null, "unknown_model"), r));
        var report = Assert.Single(reports);
        Assert.Equal(HiltDiagnosticKind.UnknownModel, report.Kind);
        Assert.Contains("mystery-model-7", report.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PriceCall_UnknownModelFromManyThreads_ExactlyOneDiagnostic()
    {
        var options = new HiltOptions();
        var reports = 0;
        options.Diagnostics.Reported += d => Interlocked.Increment(ref reports);
        using var recorder = new HiltRecorder(options);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                recorder.PriceCall("never-heard-of-it", null, new HiltTokens { Prompt = 1 });
            }
        })));

        Assert.Equal(1, reports);
    }

    [Fact]
    public void PriceCall_TwoUnknownModels_OneDiagnosticEach()
    {
        var options = new HiltOptions();
        var reports = new List<HiltDiagnostic>();
        options.Diagnostics.Reported += reports.Add;
        using var recorder = new HiltRecorder(options);

        recorder.PriceCall("model-a", null, new HiltTokens { Prompt = 1 });
        recorder.PriceCall("model-b", null, new HiltTokens { Prompt = 1 });
        recorder.PriceCall("model-a", null, new HiltTokens { Prompt = 1 });

        Assert.Equal(2, reports.Count);
    }

    [Fact]
    public void PriceCall_EachRecorder_ReportsItsOwnUnknownModels()
    {
        var options = new HiltOptions();
        var reports = 0;
        options.Diagnostics.Reported += _ => reports++;
        using var first = new HiltRecorder(options);
        using var second = new HiltRecorder(options);

        first.PriceCall("lonely-model", null, new HiltTokens { Prompt = 1 });
        second.PriceCall("lonely-model", null, new HiltTokens { Prompt = 1 });

        Assert.Equal(2, reports);
    }

    [Fact]
    public void PriceCall_KnownModelWithoutTokens_NoCostNoStatus()
    {
        using var recorder = new HiltRecorder(new HiltOptions());

        Assert.Equal((null, null), recorder.PriceCall("gpt-4o", "openai", null));
    }

    [Fact]
    public void PriceCall_NoModel_UnknownModel()
    {
        using var recorder = new HiltRecorder(new HiltOptions());

        Assert.Equal((null, "unknown_model"), recorder.PriceCall(null, "openai", new HiltTokens { Prompt = 5 }));
    }

    [Fact]
    public void PriceCall_UserOverrideInOptions_WinsOverEmbeddedRow()
    {
        var options = new HiltOptions();
        options.ModelPrices.Add(new HiltModelPrice("gpt-4o-mini", 0.2m, 0.8m));
        using var recorder = new HiltRecorder(options);

        var (cost, _) = recorder.PriceCall("gpt-4o-mini", "openai", new HiltTokens { Prompt = 1000, Completion = 500 });

        Assert.Equal(((1000m * 0.2m) + (500m * 0.8m)) / 1_000_000m, cost);
    }

    [Fact]
    public void PriceCall_UserOnlyModel_IsPricedWithoutDiagnostic()
    {
        var options = new HiltOptions();
        var reports = 0;
        options.Diagnostics.Reported += _ => reports++;
        options.ModelPrices.Add(new HiltModelPrice("acme-chat-1", 0.5m, 1.5m) { CachedInputUsdPerMillion = 0.05m });
        using var recorder = new HiltRecorder(options);

        var (cost, status) = recorder.PriceCall("acme/acme-chat-1-2026-01-01", "acme", new HiltTokens { Prompt = 2000, Cached = 1000, Completion = 100 });

        Assert.Equal(((1000m * 0.5m) + (1000m * 0.05m) + (100m * 1.5m)) / 1_000_000m, cost);
        Assert.Null(status);
        Assert.Equal(0, reports);
    }

    [Fact]
    public void AddPriceFile_UserFile_RowsArePricedAndWin()
    {
        using var folder = new TempFolder();
        var path = folder.File("prices.json");
        File.WriteAllText(path, """
            {"models":[
              {"model":"gpt-4o","input_usd_per_1m":1,"output_usd_per_1m":1,"source":"contract","as_of":"2026-12-01"},
              {"model":"in-house-7b","input_usd_per_1m":0.01,"output_usd_per_1m":0.02}
            ]}
            """);
        var options = new HiltOptions().AddPriceFile(path);
        using var recorder = new HiltRecorder(options);
        var tokens = new HiltTokens { Prompt = 1_000_000, Completion = 1_000_000 };

        Assert.Equal(2m, recorder.PriceCall("gpt-4o", null, tokens).CostUsd);
        Assert.Equal(0.03m, recorder.PriceCall("in-house-7b", null, tokens).CostUsd);
        Assert.Equal(2, options.ModelPrices.Count);
    }

    [Fact]
    public void AddPriceFile_BadFile_ThrowsAtConfiguration()
    {
        using var folder = new TempFolder();
        var path = folder.File("prices.json");
        File.WriteAllText(path, """{"models":[{"model":"x","input_usd_per_1m":1}]}""");

        var ex = Assert.Throws<FormatException>(() => new HiltOptions().AddPriceFile(path));
        Assert.Contains("output_usd_per_1m", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => new HiltOptions().AddPriceFile(folder.File("missing.json")));
    }

    [Fact]
    public void PriceCall_ServiceTier_IsUsed()
    {
        using var recorder = new HiltRecorder(new HiltOptions());
        var tokens = new HiltTokens { Prompt = 1_000_000, Completion = 0 };

        Assert.Equal(2m, recorder.PriceCall("o3", "openai", tokens).CostUsd);
        Assert.Equal(1m, recorder.PriceCall("o3", "openai", tokens, "flex").CostUsd);
        Assert.Equal(3.5m, recorder.PriceCall("o3", "openai", tokens, "priority").CostUsd);
    }
}
