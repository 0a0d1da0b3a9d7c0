// Hangfire keeps its storage in a process-wide static (JobStorage.Current): two servers built in one test process at
// the same time would share it. The server tests therefore run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
