using Analytics.SampleData.Sample;
using MiniExcelLibs;

namespace Analytics.SampleData.Xlsx;

/// <summary>
/// The same units, tenants and complaints as the CSV drop, as one workbook the way the mall's staff keep it:
/// one sheet per dataset, Chinese headers, dates as real date cells, numbers as numbers.
/// </summary>
internal static class XlsxDrop
{
    public static void Write(string path, MallPlan plan, List<SampleDrop.TenantRow> tenants, List<ComplaintBook.Complaint> complaints)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var sheets = new Dictionary<string, object>
        {
            ["units"] = plan.Units.Select(u => new Dictionary<string, object?>
            {
                ["铺位号"] = u.UnitId, ["楼层"] = u.Floor, ["区域"] = u.Zone, ["面积"] = u.AreaSqm,
            }).ToList(),
            ["tenants"] = tenants.Select(r => new Dictionary<string, object?>
            {
                ["商户编号"] = r.Tenant.TenantId,
                ["商户名称"] = r.Tenant.Name,
                ["品牌"] = Empty(r.Tenant.Brand),
                ["业态"] = r.Tenant.Category.Name,
                ["铺位号"] = r.Tenant.Unit.UnitId,
                ["楼层"] = r.Tenant.Unit.Floor,
                ["面积"] = r.Tenant.Unit.AreaSqm,
                ["起租日"] = Day(r.Lease.Start),
                ["到期日"] = Day(r.Lease.End),
                ["保底租金"] = r.Lease.BaseRent,
                ["提成比例"] = r.Lease.TurnoverRatePct == 0 ? null : r.Lease.TurnoverRatePct,
                ["物业费"] = r.Lease.ServiceCharge,
                ["撤场日期"] = r.Lease.ExitDate is { } exit ? Day(exit) : null,
                ["撤场原因"] = r.Lease.ExitReason,
                ["联系邮箱"] = r.Tenant.ContactEmail,
            }).ToList(),
            ["complaints"] = complaints.Select(c => new Dictionary<string, object?>
            {
                ["投诉编号"] = c.Id,
                ["投诉时间"] = c.ReceivedAt,
                ["商户编号"] = Empty(c.TenantId),
                ["渠道"] = c.Channel,
                ["投诉类别"] = c.Category,
                ["严重程度"] = c.Severity,
                ["状态"] = c.Status,
                ["处理完成时间"] = c.ResolvedAt,
                ["描述"] = c.Description,
            }).ToList(),
        };
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);
        StableZip.Normalize(path);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
}
