using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Analytics.Api.Tests.Support;

namespace Analytics.Api.Tests.Hostile;

/// <summary>
/// Before: "..\..\x\units.csv" was skipped as a hidden file and the empty drop "loaded 0 rows"; "C:/EVIL/units.csv" was
/// stored as units.csv; 1,000 tiny files answered 413 "larger than 524288000 bytes".
/// </summary>
public sealed class HostileUploadTests(HostileUploadTests.Fixture fixture) : IClassFixture<HostileUploadTests.Fixture>
{
    private readonly RunningServer _server = fixture.Server;

    [Theory]
    [InlineData(@"..\..\x\units.csv")]
    [InlineData("C:/EVIL/units.csv")]
    public async Task ZipEntryOutsideTheDrop_RefusesTheUploadInOneSentence(string entry)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write("unit_id,floor,area_sqm\nU1,1F,10\n");
        }

        using var response = await Upload([("drop.zip", zip.ToArray())]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("in the zip is a path outside the drop");
    }

    [Fact]
    public async Task ThousandTinyFiles_AreTooManyFiles_NotTooLarge()
    {
        using var response = await Upload(Enumerable.Range(0, 1_000).Select(i => ($"f{i}.csv", new byte[] { (byte)'x' })));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The upload holds too many files; at most 20 are accepted.");
    }

    private async Task<HttpResponseMessage> Upload(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"files\"; filename=\"{name}\"");
            content.Add(part);
        }

        using var client = _server.Client("admin");
        return await client.PostAsync(new Uri("/api/drops", UriKind.Relative), content);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        internal RunningServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await RunningServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
