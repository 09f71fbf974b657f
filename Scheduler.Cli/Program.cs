using Scheduler.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops the search and keeps the process alive, so the best schedule found so far is
    // still written; a second one ends the process at once, for a user who does not want to wait.
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    Console.Error.WriteLine();
    Console.Error.WriteLine("Stopping: writing the best schedule found so far (Ctrl-C again to quit at once).");
    cancellation.Cancel();
};
return await CliApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
