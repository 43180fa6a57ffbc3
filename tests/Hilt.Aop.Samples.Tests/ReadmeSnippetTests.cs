using System.Text.RegularExpressions;

namespace Hilt.Aop.Samples.Tests;

/// <summary>Every line of every C# snippet in README.md is in samples/Hilt.Aop.Samples.Readme, which the build compiles.</summary>
public partial class ReadmeSnippetTests
{
    [Fact]
    public void Readme_CSharpSnippets_AreCompiledBySnippetsProject()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var compiled = Directory.GetFiles(Path.Combine(root, "samples", "Hilt.Aop.Samples.Readme"), "*.cs")
            .SelectMany(File.ReadAllLines)
            .Select(line => line.Trim())
            .ToHashSet(StringComparer.Ordinal);

        var snippets = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.True(snippets.Count >= 8, $"Expected the README's C# snippets, found {snippets.Count}.");
        var missing = snippets
            .SelectMany(snippet => snippet.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !compiled.Contains(line))
            .ToList();
        Assert.True(missing.Count == 0, "README lines not in the compiled snippets:\n" + string.Join("\n", missing));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hilt.Aop.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hilt.Aop.sln not found above the test's folder.");
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
