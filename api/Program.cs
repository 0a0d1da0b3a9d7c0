using Analytics.Api.Cli;

// The one executable: verbs run the jobs, 'serve' runs the server. Progress lines only when stderr is a terminal.
return await CommandLine.RunAsync(args, new CliContext(TimeProvider.System, Console.Out, Console.Error, In: Console.In, ErrorIsTerminal: !Console.IsErrorRedirected));
