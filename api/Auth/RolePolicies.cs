namespace Analytics.Api.Auth;

/// <summary>The authorization policies of <see cref="Role"/>: which roles each endpoint group's policy admits.</summary>
internal static class RolePolicies
{
    public static IServiceCollection AddRolePolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Role.Staff, p => p.RequireRole(Role.Admin, Role.Leasing, Role.Gm))
            .AddPolicy(Role.StaffOrMerchant, p => p.RequireRole(Role.Admin, Role.Leasing, Role.Gm, Role.Merchant))
            .AddPolicy(Role.AdminOnly, p => p.RequireRole(Role.Admin))
            .AddPolicy(Role.AdminOrGm, p => p.RequireRole(Role.Admin, Role.Gm))
            .AddPolicy(Role.LeasingOrAdmin, p => p.RequireRole(Role.Admin, Role.Leasing));
        return services;
    }
}
