namespace Analytics.Ingest.Contract;

/// <summary>How a contract column is parsed from text and stored in the warehouse.</summary>
public enum ColumnType
{
    Text,
    /// <summary>Money or area: '.' decimal point, at most 2 decimals, no thousands separators; DECIMAL(18,2).</summary>
    Decimal,
    /// <summary>A percentage: '8' or '8%' both mean 8 %; DECIMAL(9,4).</summary>
    Percent,
    Integer,
    /// <summary>YYYY-MM-DD or YYYY/MM/DD.</summary>
    Date,
    /// <summary>YYYY-MM (also YYYY/MM), stored as the first day of the month.</summary>
    Month,
    /// <summary>YYYY-MM-DD HH:MM[:SS], mall-local.</summary>
    Timestamp,
    /// <summary>One of a fixed list, any case, surrounding spaces allowed; stored lower case.</summary>
    Enum,
    /// <summary>Complaint severity: 1, 2, 3 (or minor, moderate, serious).</summary>
    Severity,
    /// <summary>An e-mail address (<see cref="DataContract.EmailPattern"/>), stored as given without surrounding spaces.</summary>
    Email,
}
