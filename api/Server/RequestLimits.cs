namespace Analytics.Api.Server;

/// <summary>
/// Request size limits: small bodies everywhere; the upload endpoint raises the limit for itself once the caller is
/// known to be an admin, within the multipart limits set here from the upload settings.
/// </summary>
internal static class RequestLimits
{
    public const long DefaultBodyLimit = 1024 * 1024;

    public static void UseRequestLimits(this WebApplicationBuilder builder, UploadLimits uploads)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DefaultBodyLimit);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f =>
        {
            f.MultipartBodyLengthLimit = uploads.MaxTotalBytes;
            f.ValueCountLimit = uploads.MaxFiles + 16;
        });
    }
}
