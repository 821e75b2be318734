using NewsCompare.Web.Startup;
using NewsCompare.Web.Reading;

// NewsCompare's web app. Each line names one concern; the Startup folder holds the details.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Find(args) });

builder.HonourAspNetCoreUrls();
builder.AddNewsLogging();
builder.Services.AddNewsStore(builder.Configuration);
builder.Services.AddNewsServices();
builder.Services.AddEditorAuth();
builder.Services.AddSecurityHeaders();
builder.Services.AddNewsPages();
builder.Services.AddPageCaching();
builder.Services.AddNewsApi();

var app = builder.Build();

await app.PrepareStoreAsync();
app.UseSecurityHeaders();
app.UseNewsErrorPages();
app.UseApiProblems();
app.UseHttpLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePageCaching();
app.MapRazorPages();
app.MapNewsApi();
app.MapRawCaptures();

await app.RunAsync();
