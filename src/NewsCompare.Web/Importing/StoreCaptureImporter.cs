using Microsoft.Extensions.Options;
using NewsCompare.Core.Data;
using NewsCompare.Core.Import;
using NewsCompare.Web.Reading;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Importing;

/// <summary>Hands uploads and seeds to the Core importer, with the upload limits and the outlets file from configuration.</summary>
public sealed class StoreCaptureImporter(NewsDb db, IOptions<NewsCompareOptions> options, OutletDirectory outlets) : ICaptureImporter
{
    public Task<ImportReport> ImportAsync(IReadOnlyList<CaptureFile> files, CancellationToken cancellationToken)
    {
        var importer = new Importer(db, new ImportOptions { MaxFileBytes = options.Value.Upload.MaxFileBytes, OutletRegistryPath = outlets.UserFile });
        return importer.ImportUploadsAsync(files.Select(f => new ImportUpload(f.Name, f.Content)), cancellationToken: cancellationToken);
    }
}
