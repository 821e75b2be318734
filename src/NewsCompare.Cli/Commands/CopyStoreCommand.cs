using System.CommandLine;
using NewsCompare.Core.Data;

namespace NewsCompare.Cli.Commands;

/// <summary>`copy-store`: copies the store of --db into a new, empty store, SQLite or PostgreSQL, and prints what it copied.</summary>
internal static class CopyStoreCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to")
        {
            Description = "The store to copy into: a new SQLite file or an empty PostgreSQL database (postgres://user:password@host:5432/database)",
            Required = true,
        };
        var command = new Command("copy-store", "Copy the whole store (--db) into a new, empty store on SQLite or PostgreSQL; captures are checked byte for byte") { to };
        command.SetAction(async (parse, ct) =>
        {
            var source = CliOptions.Store(parse);
            var destination = StoreTarget.Resolve(parse.GetValue(to), Environment.CurrentDirectory);
            if (source.Provider == destination.Provider && source.ConnectionString == destination.ConnectionString)
            {
                await Console.Error.WriteLineAsync("copy-store: --to names the store being copied");
                return 2;
            }
            await using var from = await NewsStore.OpenAsync(source, ct);
            await using var into = await NewsStore.OpenAsync(destination, ct);
            StoreCopyReport report;
            try
            {
                report = await StoreCopier.CopyAsync(from, into, cancellationToken: ct);
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync($"copy-store: {e.Message}");
                return 1;
            }
            catch (Core.Articles.CaptureCorruptException e)
            {
                await Console.Error.WriteLineAsync($"copy-store: nothing copied: {e.Message}");
                return 1;
            }
            Console.WriteLine($"copied {source.Display} ({source.Provider}) into {destination.Display} ({destination.Provider})");
            foreach (var (table, rows) in report.Rows) Console.WriteLine($"  {table,-22} {rows,12:N0} rows");
            Console.WriteLine($"captures checked byte for byte against the source and their SHA-256: {report.CapturesVerified:N0} ({report.CaptureBytes:N0} bytes)");
            return 0;
        });
        return command;
    }
}
