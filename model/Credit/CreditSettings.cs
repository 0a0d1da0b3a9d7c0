namespace Analytics.Model.Credit;

/// <summary>
/// The point rules of the credit file (信用档案): every tenant starts a month at <see cref="StartPoints"/> and loses
/// points for what the warehouse records of it in the <see cref="WindowMonths"/> months ending on the month's last
/// day (docs/analysis.md, "Credit file"). Defaults are a starting point for the mall's own rules.
/// </summary>
public sealed record CreditSettings
{
    public int StartPoints { get; init; } = 100;
    public int WindowMonths { get; init; } = 12;

    /// <summary>A bill paid in full, but more than this many days after its due date, counts as paid late.</summary>
    public int GraceDays { get; init; } = 5;

    public int LateBill { get; init; } = 2;

    /// <summary>A bill still (partly) unpaid on the day, by days past its due date: 1–30, 31–60, 61–90, over 90.</summary>
    public int Unpaid1To30 { get; init; } = 5;
    public int Unpaid31To60 { get; init; } = 10;
    public int Unpaid61To90 { get; init; } = 15;
    public int UnpaidOver90 { get; init; } = 20;

    public int ClosedWithoutNotice { get; init; } = 10;
    public int LateOpenOrEarlyClose { get; init; } = 2;
    public int OtherFinding { get; init; } = 3;

    /// <summary>A complaint of severity 3 (serious) naming the tenant.</summary>
    public int SeriousComplaint { get; init; } = 5;

    /// <summary>Lowest points of grades A, B and C; below <see cref="GradeC"/> is D.</summary>
    public int GradeA { get; init; } = 90;
    public int GradeB { get; init; } = 75;
    public int GradeC { get; init; } = 60;

    public string GradeOf(int points) => points >= GradeA ? "A" : points >= GradeB ? "B" : points >= GradeC ? "C" : "D";

    /// <summary>The lowest points of the grade above <paramref name="grade"/>; null for A.</summary>
    public int? NextGradeFloor(string grade) => grade switch { "B" => GradeA, "C" => GradeB, "D" => GradeC, _ => null };
}
