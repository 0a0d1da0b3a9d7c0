namespace Analytics.Api.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A user's mistake other than usage: missing folder, locked warehouse, bad data the run cannot proceed with.</summary>
    public const int Failed = 1;
    public const int Usage = 2;
    /// <summary>The drop was refused (a file over the reject limit): nothing was loaded.</summary>
    public const int Refused = 3;
}
