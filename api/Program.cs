using Analytics.Api.Cli;

// The one executable: verbs run the jobs, 'serve' runs the server.
return await CommandLine.RunAsync(args, new CliContext(TimeProvider.System, Console.Out, Console.Error, In: Console.In));
