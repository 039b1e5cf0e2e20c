using System.Text.RegularExpressions;

namespace Chorus.Invoicing.Tests.Validation.Rules;

/// <summary>
/// Mutants aimed at the EXTENDED-CTC-FR rules (sub-lines GROUP/DETAIL/INFORMATION and their parent references, logistics
/// charges, the profile's code lists…): text-level edits of valid invoices, each kind named after what it breaks.
/// </summary>
internal static class ExtendedCtcFrMutations
{
    private static readonly Dictionary<string, Func<string, string?>> Ubl = new(StringComparer.Ordinal)
    {
        ["delivery-terms-id-ZZZ"] = t => Insert(t, @"</(?:\w+:)?AccountingCustomerParty>", "<cac:DeliveryTerms><cbc:ID>ZZZ</cbc:ID></cac:DeliveryTerms>"),
    };

    private static readonly Dictionary<string, Func<string, string?>> Cii = new(StringComparer.Ordinal)
    {
        ["line-status-GROUP"] = t => Insert(t, @"<ram:LineID>[^<]*</ram:LineID>", "<ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode>"),
    };

    public static IEnumerable<(string Name, string Text)> Of(string text, string syntax)
    {
        foreach (var (name, op) in syntax == "ubl" ? Ubl : Cii)
        {
            var mutated = op(text);
            if (mutated is not null && mutated != text)
            {
                yield return (name, mutated);
            }
        }
    }

    // Inserts after the first match of a pattern (null when there is none).
    private static string? Insert(string text, string after, string insert)
    {
        var m = Regex.Match(text, after);
        return m.Success ? text.Insert(m.Index + m.Length, insert) : null;
    }
}
