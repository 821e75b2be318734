using NewsCompare.Core.Data;
using NewsCompare.Web.Tests.Comparison;
using NewsCompare.Web.Tests.Pages;

namespace NewsCompare.Web.Tests.Infrastructure;

// The page tests' sites on a PostgreSQL store: the same data, the same tests (each test class has an OnSqlite and an
// OnPostgres form); without NEWSCOMPARE_TEST_POSTGRES their tests skip, with NEWSCOMPARE_REQUIRE_POSTGRES=1 they fail.

public sealed class PostgresTestSite : TestSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class PostgresNewsroomSite : NewsroomSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class PostgresOutletSite : OutletSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class PostgresCompareSite : CompareSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}

public sealed class PostgresCrowdedStoreSite : CrowdedStoreSite
{
    protected override StoreProvider Provider => StoreProvider.Postgres;
}
