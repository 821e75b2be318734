using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Reading;

/// <summary>
/// /articles/{id}/raw: the capture's bytes exactly as imported, always as text/plain in a sandbox, so a hostile
/// capture can be read but never rendered or run.
/// </summary>
public static class RawCaptures
{
    public static IEndpointRouteBuilder MapRawCaptures(this IEndpointRouteBuilder app)
    {
        app.MapGet("/articles/{id:long}/raw", async (long id, bool? download, NewsDb db, HttpContext http, CancellationToken ct) =>
        {
            var capture = await db.Articles.Where(a => a.Id == id).Select(a => a.Capture!).FirstOrDefaultAsync(ct);
            if (capture is null) return Results.NotFound();
            byte[] content;
            try
            {
                content = CaptureContent.Read(capture);
            }
            catch (CaptureCorruptException e)
            {
                // Never serve bytes that are not the imported file: say which capture is damaged instead.
                return Results.Problem(e.Message, statusCode: StatusCodes.Status500InternalServerError, title: "Damaged capture");
            }

            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
            disposition.SetHttpFileName(Path.GetFileName(capture.FileName));
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.Bytes(content, $"text/plain; charset={Charset(capture.Encoding)}");
        }).ExcludeFromDescription();
        return app;
    }

    // The capture's encoding as recorded at import ("windows-1252", "utf-8+mojibake-repaired"): the bytes are unchanged,
    // so the label is the encoding they were read with.
    private static string Charset(string encoding)
    {
        var name = encoding.Split('+')[0].Trim();
        try
        {
            return Encoding.GetEncoding(name).WebName;
        }
        catch (ArgumentException)
        {
            return "utf-8";
        }
    }
}
