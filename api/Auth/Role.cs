namespace Analytics.Api.Auth;

/// <summary>The roles a key can have. A merchant key reads one tenant only; the others read the whole mall.</summary>
internal static class Role
{
    public const string Admin = "admin";
    public const string Leasing = "leasing";
    public const string Gm = "gm";
    public const string Merchant = "merchant";

    public static readonly IReadOnlyList<string> All = [Admin, Leasing, Gm, Merchant];

    /// <summary>Authorization policy names: which roles may call an endpoint group.</summary>
    public const string Staff = "staff";            // leasing, gm, admin
    public const string StaffOrMerchant = "staff-or-merchant";
    public const string AdminOnly = "admin-only";
    public const string AdminOrGm = "admin-or-gm";  // the delivery log: who was mailed what
    public const string LeasingOrAdmin = "leasing-or-admin";   // billing findings: the leasing team and admins
}
