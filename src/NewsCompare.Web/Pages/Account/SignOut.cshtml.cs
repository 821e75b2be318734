using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Pages.Account;

/// <summary>
/// Signing out is a post (with the antiforgery token), so no link elsewhere can sign an editor out. It changes the
/// editor's security stamp, so a copy of the cookie (or a sign-in on another device) stops working too.
/// </summary>
public sealed class SignOutModel(NewsDb db, ILogger<SignOutModel> log) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.IsEditor() && User.Identity!.Name is { } editor)
        {
            await EditorAccounts.RotateStampAsync(db, editor, ct);
            log.LogInformation("Editor {Editor} signed out", editor);
        }
        await HttpContext.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
