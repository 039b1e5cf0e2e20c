using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Tests.Identifiers;

public class AllocationTests
{
    [Fact]
    public void TryParse_SuccessPath_AllocatesNothing()
    {
        const string siret = "732 829 320 00074", siren = "732829320", vat = "FR 44 732 829 320";
        for (var i = 0; i < 100; i++)
        {
            Run(); // warm up (tiering)
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(ok);

        static bool Run() =>
            Siret.TryParse(siret, out _) & Siren.TryParse(siren, out _) & VatNumber.TryParse(vat, out _)
            & Siret.TryParse(siret.AsSpan(), out _) == IdentifierError.None;
    }
}
