using System.Text;
using Chorus.Directory.Identifiers;
using Chorus.Fuzzing.Engine;

namespace Chorus.Fuzzing.Targets;

/// <summary>Identifier parsing: any text gives a verdict, never an exception.</summary>
internal sealed class IdentifierTarget : IFuzzTarget
{
    public string Name => "identifiers";

    public InputKind Kind => InputKind.Binary;

    public IReadOnlyList<byte[]> Seeds() =>
        new[] { "73282932000074", "732 829 320", "FR44732829320", "35600000049837", "FR53000004605", "FRAB732829320", "  -. " }
            .Select(Encoding.UTF8.GetBytes).ToList();

    public void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        _ = IdentifierClassifier.Check(text);
        _ = Siren.TryParse(text.AsSpan(), out _);
        _ = Siret.TryParse(text.AsSpan(), out _);
        _ = VatNumber.TryParse(text.AsSpan(), out _);
    }

    public bool IsDocumented(Exception exception) => false;
}
