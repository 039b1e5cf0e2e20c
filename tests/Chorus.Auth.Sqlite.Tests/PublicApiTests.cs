using Chorus.Tests.Shared;

namespace Chorus.Auth.Sqlite.Tests;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChangedUnnoticed() =>
        ApiApproval.Verify(System.Reflection.Assembly.Load("Chorus.Auth.Sqlite"));
}
