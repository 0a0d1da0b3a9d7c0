namespace Analytics.Ingest.Contract;

/// <summary>Why a row was not loaded. The codes are stable: tests, the bad sample drop and the API use them.</summary>
public static class RejectReason
{
    public const string MissingValue = "missing_value";
    public const string BadNumber = "bad_number";
    public const string BadDate = "bad_date";
    public const string BadTimestamp = "bad_timestamp";
    public const string BadEnum = "bad_enum";
    public const string OutOfRange = "out_of_range";
    public const string UnknownTenant = "unknown_tenant";
    public const string OutsideLease = "outside_lease";
    public const string DuplicateKey = "duplicate_key";
    public const string MalformedRow = "malformed_row";
    public const string BadEmail = "bad_email";
    /// <summary>A line, a field count or a value over the input limits (Limits/InputLimits): never handed to the reader.</summary>
    public const string TooLong = "too_long";

    /// <summary>The reasons of the contract's checks, each shown by the bad sample drop; <see cref="TooLong"/> is the input
    /// limits' reason and is shown by the hostile-input tests instead (a sample file of megabyte lines helps no one).</summary>
    public static readonly IReadOnlyList<string> All =
        [MissingValue, BadNumber, BadDate, BadTimestamp, BadEnum, OutOfRange, UnknownTenant, OutsideLease, DuplicateKey, MalformedRow, BadEmail];
}
