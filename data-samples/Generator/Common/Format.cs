using System.Globalization;

namespace Analytics.SampleData.Common;

/// <summary>How values are written into the drop files: invariant culture, contract formats.</summary>
internal static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Money(decimal value) => value.ToString("0.00", Inv);

    public static string Int(long value) => value.ToString(Inv);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    public static string SlashDate(DateOnly date) => date.ToString("yyyy/MM/dd", Inv);

    public static string Period(DateOnly date) => date.ToString("yyyy-MM", Inv);

    public static string Timestamp(DateTime at, bool withSeconds = true) =>
        at.ToString(withSeconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", Inv);

    public static string Number(double value) => value.ToString("0.##", Inv);

    public static decimal Round2(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
