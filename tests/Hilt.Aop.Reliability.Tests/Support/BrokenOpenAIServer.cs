using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// A raw TCP server on 127.0.0.1 that speaks just enough HTTP/1.1 to fail the way real networks do: silence,
/// a truncated body, a stream cut off in the middle. Every connection gets the same treatment.
/// </summary>
internal sealed class BrokenOpenAIServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly BrokenServerMode _mode;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public BrokenOpenAIServer(BrokenServerMode mode)
    {
        _mode = mode;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1");

    public int Connections => Volatile.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private static string CompletionJson(string text) =>
        "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion\",\"created\":1733340000,\"model\":\"gpt-4o-mini-2024-07-18\"," +
        "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}]," +
        "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}}";

    private static string ChunkJson(string piece) =>
        "{\"id\":\"chatcmpl-broken\",\"object\":\"chat.completion.chunk\",\"created\":1733340000,\"model\":\"gpt-4o-mini-2024-07-18\"," +
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}";

    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        // Headers up to the blank line, then Content-Length bytes of body.
        var buffer = new byte[64 * 1024];
        var received = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(received), cancellationToken);
            if (read == 0)
            {
                return;
            }

            received += read;
            var text = Encoding.ASCII.GetString(buffer, 0, received);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            var lengthLine = text[..end].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            if (received - (end + 4) >= length)
            {
                return;
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadRequestAsync(stream, _stop.Token);
                switch (_mode)
                {
                    case BrokenServerMode.Silence:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        break;
                    case BrokenServerMode.HalfBody:
                        var body = Encoding.UTF8.GetBytes(CompletionJson("This answer is cut off halfway through its body."));
                        await WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
                        break;
                    case BrokenServerMode.CloseMidStream:
                        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
                        foreach (var piece in new[] { "Hello", " wor" })
                        {
                            var data = $"data: {ChunkJson(piece)}\n\n";
                            await WriteAsync(stream, $"{Encoding.UTF8.GetByteCount(data):x}\r\n{data}\r\n");
                        }

                        // Half of a third chunk, then the connection drops.
                        await WriteAsync(stream, "40\r\ndata: {\"id\":\"chatcmpl-bro");
                        break;
                }

                await stream.FlushAsync();
                client.Client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();
}
