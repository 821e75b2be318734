using NewsCompare.Core.Import;

namespace NewsCompare.Web.Importing;

/// <summary>A file to import: its name (a relative path inside an upload or folder) and its bytes.</summary>
public sealed record CaptureFile(string Name, byte[] Content);

/// <summary>
/// The one place the web app hands files to the importer: the upload page and the first-start seeding both call it.
/// <see cref="StoreCaptureImporter"/> is the implementation; tests may replace it.
/// </summary>
public interface ICaptureImporter
{
    Task<ImportReport> ImportAsync(IReadOnlyList<CaptureFile> files, CancellationToken cancellationToken);
}
