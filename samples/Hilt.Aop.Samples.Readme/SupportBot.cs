namespace Hilt.Aop.Samples.Readme;

public sealed class SupportBot : ISupportBot
{
    public Task<string> AskAsync(string ticketId, string question) => Task.FromResult("Your order ships today.");

    public int OpenTickets() => 0;
}
