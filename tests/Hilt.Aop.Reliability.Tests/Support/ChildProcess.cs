using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Starts the crash tests' child program (Child/Program.cs) with <c>dotnet</c> and watches its output.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ChildPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_TieredPGO"] = "0";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _outputClosed.TrySetResult();
                return;
            }

            _lines.Enqueue(e.Data);
            _firstLine.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _lines.Enqueue("stderr: " + e.Data);
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets the child's dll, built next to this test project by its project reference.</summary>
    public static string ChildPath
    {
        get
        {
            // .../Hilt.Aop.Reliability.Tests/bin/<Configuration>/net10.0/ → .../Hilt.Aop.Reliability.Tests/Child/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var project = output.Parent.Parent!.Parent!.FullName;
            return Path.Combine(project, "Child", "bin", configuration, output.Name, "Hilt.Aop.Reliability.Child.dll");
        }
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(params string[] arguments) => new(arguments);

    public Task WaitForFirstLineAsync(TimeSpan timeout) => _firstLine.Task.WaitAsync(timeout);

    /// <summary>Kills the child with SIGKILL (what <see cref="Process.Kill()"/> sends on Unix) and waits for it and its output to end.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(timeout);
        await _outputClosed.Task.WaitAsync(timeout);
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        await _outputClosed.Task.WaitAsync(timeout);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
