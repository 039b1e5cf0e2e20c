using Chorus.Tests.Shared;

namespace Chorus.Directory.Tests;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChangedUnnoticed() =>
        ApiApproval.Verify(System.Reflection.Assembly.Load("Chorus.Directory"));
}
