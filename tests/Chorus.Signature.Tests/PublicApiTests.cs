using Chorus.Tests.Shared;

namespace Chorus.Signature.Tests;

public class PublicApiTests
{
    [Fact]
    public void PublicApi_HasNotChangedUnnoticed() =>
        ApiApproval.Verify(System.Reflection.Assembly.Load("Chorus.Signature"));
}
