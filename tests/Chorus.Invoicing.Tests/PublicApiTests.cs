using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChangedUnnoticed() =>
        ApiApproval.Verify(System.Reflection.Assembly.Load("Chorus.Invoicing"));
}
