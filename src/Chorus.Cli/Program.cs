using Chorus.Cli;

return ChorusApp.Run(args, Console.Out, Console.Error);
