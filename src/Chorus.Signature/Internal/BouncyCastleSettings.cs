using System.Runtime.CompilerServices;

namespace Chorus.Signature.Internal;

/// <summary>
/// BouncyCastle 2.x runs Miller-Rabin tests on every RSA public modulus it parses (about 100 ms for a 4096-bit key in
/// managed code): a PAdES file with a DSS of 20 certificates took seconds. Verification takes public keys from
/// certificates whose authenticity the chain proves, so the test protects nothing here. The setting is read by
/// BouncyCastle once, from the environment; it is set only when the host has not chosen a value.
/// </summary>
internal static class BouncyCastleSettings
{
    internal const string MaxMrTests = "Org.BouncyCastle.Rsa.MaxMRTests";

#pragma warning disable CA2255 // a module initializer in a library: the setting must precede BouncyCastle's first RSA key
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(MaxMrTests) is null)
        {
            Environment.SetEnvironmentVariable(MaxMrTests, "0");
        }
    }
}
