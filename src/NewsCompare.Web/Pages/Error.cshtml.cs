using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsCompare.Web.Pages;

/// <summary>Errors and status codes (404, 429…) in plain words, with the request id to quote in a report.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        Code = code ?? 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }

    public string Title => Code switch
    {
        400 => "The request could not be read",
        403 => "Not allowed",
        404 => "Not found",
        413 => "The upload is too large",
        429 => "Too many attempts: wait a minute and try again",
        _ => "Something went wrong",
    };
}
