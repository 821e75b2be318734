using NewsCompare.Web.Startup;
using NewsCompare.Web.Reading;

// NewsCompare's web app. Each line names one concern; the Startup folder holds the details.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find(args) });

builder.HonourAspNetCoreUrls();
builder.AddNewsLogging();
builder.Services.AddNewsStore(builder.Configuration);
builder.Services.AddNewsServices();
builder.Services.AddEditorAuth(builder.Configuration);
builder.Services.AddSecurityHeaders();
builder.Services.AddNewsPages();
builder.Services.AddPageCaching();
builder.Services.AddNewsApi();

var app = builder.Build();

if (!await app.PrepareStoreAsync()) return 2;
app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UseNewsErrorPages();
app.UseApiProblems();
app.UseNewsRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UsePageCaching();
app.UseOneConnectionPerRead();
app.MapRazorPages();
app.MapNewsApi();
app.MapRawCaptures();
app.MapHealthChecks("/health").DisableRateLimiting();

await app.RunAsync();
return 0;
