namespace Analytics.Reports.Layout;

/// <summary>The page being drawn and how many pages the document has (known because layout runs first).</summary>
internal readonly record struct PageNumber(int Number, int Total);
