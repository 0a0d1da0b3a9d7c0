using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>Uploads over a real socket: a good drop loads, a bad one is refused with the warehouse unchanged, hostile ones never touch the disk.</summary>
public sealed class DropsApiTests(DropsApiTests.Fixture fixture) : IClassFixture<DropsApiTests.Fixture>
{
    private const long MaxFileBytes = 64 * 1024;
    private readonly RunningServer _server = fixture.Server;

    [Fact]
    public async Task Upload_GoodDrop_LoadedByJob()
    {
        using var response = await Upload(Files(Seed.GoodDrop("T100")));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var status = await WaitForEnd(response.Headers.Location!);
        status.GetProperty("status").GetString().Should().Be("loaded");
        status.GetProperty("loadId").GetInt64().Should().BePositive();
        using var connection = _server.Warehouse();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sales WHERE tenant_id = 'T100'";
        Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(7);
        Analytics.Api.Auth.AuditLog.Recent(connection, 50).Should().Contain(e => e.Action == "upload" && e.UserName == "admin" && e.Status == 202);
    }

    [Fact]
    public async Task Upload_GoodDropAsZipInFolder_Loaded()
    {
        using var response = await Upload([("drop.zip", Zip(Seed.GoodDrop("T200").ToDictionary(kv => "export/" + kv.Key, kv => kv.Value)))]);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var status = await WaitForEnd(response.Headers.Location!);
        status.GetProperty("status").GetString().Should().Be("loaded");
        status.GetProperty("report").GetProperty("files").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Upload_BadDrop_RefusedWithReasonsWarehouseUnchanged()
    {
        var before = Snapshot();

        using var response = await Upload(Files(Seed.BadDrop()));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var status = await WaitForEnd(response.Headers.Location!);
        status.GetProperty("status").GetString().Should().Be("refused");
        status.GetProperty("message").GetString().Should().Contain("sales");
        var rejects = status.GetProperty("report").GetProperty("rejects");
        rejects.GetArrayLength().Should().Be(8);
        rejects[0].GetProperty("column").GetString().Should().Be("net_sales");
        rejects[0].GetProperty("value").GetString().Should().Be("lots");
        rejects[0].GetProperty("line").GetInt64().Should().Be(4);
        Snapshot().Should().Be(before);
    }

    [Theory]
    [InlineData("../../sales.csv")]
    [InlineData("..\\..\\sales.csv")]
    [InlineData("/etc/sales.csv")]
    [InlineData("C:sales.csv")]
    [InlineData("sales.csv\u0000.xlsx")]
    [InlineData("passwd")]
    [InlineData("evil.csv")]
    [InlineData("../x.xlsx")]
    [InlineData(".hidden.csv")]
    public async Task Upload_HostileName_BadRequestNothingStored(string name)
    {
        var before = Snapshot();
        var dropsBefore = DropFolders();

        using var response = await Upload([(name, Encoding.UTF8.GetBytes("tenant_id,date,net_sales\nT001,2026-10-01,5\n"))]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).Should().Contain("not accepted");
        DropFolders().Should().BeEquivalentTo(dropsBefore);
        Snapshot().Should().Be(before);
        File.Exists(Path.Combine(_server.Folder.Path, "sales.csv")).Should().BeFalse();
        using var connection = _server.Warehouse();
        Analytics.Api.Auth.AuditLog.Recent(connection, 1).Single().Should().Match<Analytics.Api.Auth.AuditEntry>(e => e.Action == "upload" && e.Status == 400);
    }

    [Fact]
    public async Task Upload_ZipWithTraversalEntry_BadRequest()
    {
        var before = Snapshot();

        using var response = await Upload([("drop.zip", Zip(new Dictionary<string, string> { ["../../sales.csv"] = "tenant_id,date,net_sales\n" }))]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("outside the drop");
        Snapshot().Should().Be(before);
    }

    [Fact]
    public async Task Upload_OversizedFile_PayloadTooLarge()
    {
        var big = "tenant_id,date,net_sales\n" + string.Concat(Enumerable.Repeat("T001,2026-10-01,1.00\n", 5000));

        using var response = await Upload([("sales.csv", Encoding.UTF8.GetBytes(big))]);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Upload_ZipBombEntry_PayloadTooLarge()
    {
        // Compresses to a few hundred bytes, expands beyond the per-file limit: caught on the bytes written.
        var bomb = "tenant_id,date,net_sales\n" + new string('1', (int)MaxFileBytes * 4);

        using var response = await Upload([("drop.zip", Zip(new Dictionary<string, string> { ["sales.csv"] = bomb }))]);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task LargeBody_NotAdmin_RefusedBeforeReading()
    {
        // Only an admin's upload may be large; anyone else is refused on the headers, the body is never read.
        // 'Expect: 100-continue' makes the client wait for that answer before sending the body: without it the client
        // may still be writing the 3 MB when the server answers and closes, and the test sees a broken pipe instead.
        static HttpRequestMessage LargePost()
        {
            var content = new ByteArrayContent(new byte[3 * 1024 * 1024]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/drops") { Content = content };
            request.Headers.ExpectContinue = true;
            return request;
        }

        using var leasing = await _server.Client("leasing").SendAsync(LargePost());
        using var anonymous = await _server.Client().SendAsync(LargePost());

        leasing.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Upload_TooManyFiles_BadRequest()
    {
        var files = Enumerable.Range(0, 6).Select(i => ($"book{i}.xlsx", new byte[] { 1 })).ToList();

        using var response = await Upload(files);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("at most 5");
    }

    [Fact]
    public async Task Upload_SameDatasetTwice_BadRequest()
    {
        using var response = await Upload([("sales.csv", [1]), ("SALES.csv", [2])]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> Upload(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // Set the header by hand: HttpClient would otherwise quote or encode the hostile names for us.
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"files\"; filename=\"{name}\"");
            content.Add(part);
        }

        return await _server.Client("admin").PostAsync("/api/drops", content);
    }

    private async Task<JsonElement> WaitForEnd(Uri location)
    {
        using var client = _server.Client("admin");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync(location)).RootElement;
            var status = json.GetProperty("status").GetString();
            if (status is "loaded" or "refused" or "failed" || DateTime.UtcNow > deadline)
            {
                return json;
            }

            await Task.Delay(100);
        }
    }

    private static IEnumerable<(string, byte[])> Files(Dictionary<string, string> files) =>
        files.Select(kv => (kv.Key, Encoding.UTF8.GetBytes(kv.Value)));

    private static byte[] Zip(Dictionary<string, string> files)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return ms.ToArray();
    }

    private string Snapshot()
    {
        using var connection = _server.Warehouse();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM load_log) || '|' || (SELECT count(*) FROM sales) || '|' ||
                   (SELECT coalesce(sum(net_sales), 0) FROM sales WHERE tenant_id = 'T001') || '|' || (SELECT count(*) FROM tenants)
            """;
        return (string)cmd.ExecuteScalar()!;
    }

    private string[] DropFolders()
    {
        var dir = _server.Options.DropsDir;
        return Directory.Exists(dir) ? Directory.GetDirectories(dir) : [];
    }

    public sealed class Fixture : IAsyncLifetime
    {
        internal RunningServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await RunningServer.StartAsync(o =>
        {
            o.Uploads.MaxFileBytes = MaxFileBytes;
            o.Uploads.MaxTotalBytes = 4 * MaxFileBytes;
            o.Uploads.MaxFiles = 5;
            o.Jobs.Workers = 2;
        });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
