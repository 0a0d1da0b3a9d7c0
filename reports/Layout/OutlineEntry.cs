namespace Analytics.Reports.Layout;

/// <summary>A bookmark: a section heading and the named destination drawn where it stands on its page.</summary>
internal sealed record OutlineEntry(int Level, string Title, string Destination);
