using Hilt.Aop.Samples.GoogleSheets;

return await GoogleSheetsSample.RunAsync(Console.Out);
