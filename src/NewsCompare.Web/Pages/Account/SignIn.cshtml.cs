using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;
using NewsCompare.Web.Startup;

namespace NewsCompare.Web.Pages.Account;

/// <summary>Editors sign in here; attempts are rate-limited per client address.</summary>
[EnableRateLimiting(EditorAuth.SignInLimit)]
public sealed class SignInModel(NewsDb db, StoreLocation store, ILogger<SignInModel> log) : PageModel
{
    /// <summary>The store editors are looked up in, so a name created with the command line can be checked against it.</summary>
    public string StorePath => store.DatabasePath;

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your editor name.")]
        [Display(Name = "Editor name")]
        [StringLength(64)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(1024)]
        public string Password { get; set; } = "";
    }

    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var editor = await EditorAccounts.SignInAsync(db, Input.UserName.Trim(), Input.Password, ct);
        if (editor is null)
        {
            log.LogWarning("Failed sign-in for {Editor} from {Address}", Input.UserName, HttpContext.Connection.RemoteIpAddress);
            ModelState.AddModelError(string.Empty, "That name and password do not match an editor.");
            return Page();
        }

        await HttpContext.SignInAsync(EditorAuth.Principal(editor));
        log.LogInformation("Editor {Editor} signed in", editor.UserName);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
