namespace Analytics.Ingest;

/// <summary>
/// A mistake the user can fix (a bad option, a missing file, a locked warehouse). The command line
/// prints its message as one sentence and never a stack trace.
/// </summary>
public class UserError(string message, Exception? inner = null) : Exception(message, inner);
