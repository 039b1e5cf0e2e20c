using System.Text;
using System.Xml;
using Chorus.Invoicing.Validation;
using Chorus.Invoicing.Validation.Internal;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Tests.Shared;

namespace Chorus.Invoicing.Tests.Validation;

/// <summary>
/// The validator takes a large attachment's base64 text out of the XML Schema pass (LargeBinaryContent). The truth here
/// is the validator run on the original bytes: with and without the substitution, every problem (rule, severity,
/// message, line and column) must be the same — on valid invoices, on schema errors placed right after the attachment
/// (same line), on rule failures, on base64 that only the original can judge.
/// </summary>
public class LargeBinaryContentTests
{
    private const string UblAttachmentAnchor = "<cac:AccountingSupplierParty>";

    public static TheoryData<string> SubstitutedCases() =>
    [
        "ubl-crlf-lines",
        "ubl-one-line",
        "ubl-lf-lines-indented",
        "ubl-crlf-lines-schema-error-after-on-same-line",
        "ubl-one-line-schema-error-on-next-line",
        "ubl-two-attachments",
        "ubl-rule-failure",
        "cii-lf-lines",
    ];

    public static TheoryData<string> RefusedCases() =>
    [
        "ubl-small",
        "ubl-invalid-character",
        "ubl-nonzero-padding-bits",
        "ubl-one-line-then-element-on-same-line",
        "ubl-entity-reference",
        "ubl-comment-inside",
        "ubl-stand-in-in-input",
        "ubl-nil",
        "ubl-other-namespace",
    ];

    [Theory]
    [MemberData(nameof(SubstitutedCases))]
    public void Validate_LargeAttachment_SameProblemsAsOnTheOriginalBytes(string name)
    {
        var xml = Make(name);

        var light = LargeBinaryContent.Substitute(new ArraySegment<byte>(xml), out var standIns);

        Assert.NotNull(light);
        Assert.NotEmpty(standIns!);
        Assert.True(light.Length < xml.Length / 3, $"{light.Length} bytes left of {xml.Length}");
        AssertSameResult(xml);
    }

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public void Validate_UnusualAttachment_IsNotSubstitutedAndGivesTheSameProblems(string name)
    {
        var xml = Make(name);

        // An element of another namespace passes the byte scan and is caught when the tree does not meet the stand-in
        // where expected: either way the original bytes are what gets validated.
        if (name != "ubl-other-namespace")
        {
            Assert.Null(LargeBinaryContent.Substitute(new ArraySegment<byte>(xml), out _));
        }

        AssertSameResult(xml);
    }

    [Fact]
    public void Validate_ValidInvoiceWithLargeAttachment_IsValid()
    {
        var result = InvoiceValidator.Default.Validate(Make("ubl-crlf-lines"), InvoiceRuleSets.En16931);

        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(p => $"{p.Rule} {p.Location} {p.Message}")));
    }

    [Theory]
    [InlineData("ubl-crlf-lines")]
    [InlineData("ubl-one-line")]
    [InlineData("cii-lf-lines")]
    public void TreeOfSubstitutedBytes_AttachmentText_IsTheOriginalText(string name)
    {
        var xml = Make(name);
        var light = LargeBinaryContent.Substitute(new ArraySegment<byte>(xml), out var standIns)!;

        var original = Tree(xml, null);
        var substituted = Tree(light, standIns);

        Assert.All(standIns!, s => Assert.True(s.Matched));
        Assert.Equal(Texts(original), Texts(substituted));
    }

    private static void AssertSameResult(byte[] xml)
    {
        foreach (var sets in new[] { InvoiceRuleSets.En16931, InvoiceRuleSets.Auto | InvoiceRuleSets.Chorus | InvoiceRuleSets.FrCtc })
        {
            var expected = InvoiceValidator.Default.Validate(xml, sets, takeOutLargeBinaries: false);
            var actual = InvoiceValidator.Default.Validate(xml, sets, takeOutLargeBinaries: true);

            Assert.Equal(expected.IsValid, actual.IsValid);
            Assert.Equal(expected.Syntax, actual.Syntax);
            Assert.Equal(expected.Profile, actual.Profile);
            Assert.Equal(Lines(expected), Lines(actual));
        }
    }

    private static List<string> Lines(InvoiceValidationResult r) => [.. r.Problems.Select(p => $"{p.Rule} {p.Severity} {p.Location} {p.Message}")];

    private static XNode Tree(byte[] xml, IReadOnlyList<TextStandIn>? standIns)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), InvoiceValidator.SafeSettings(null));
        return XTreeBuilder.Build(reader, standIns);
    }

    private static List<string> Texts(XNode node)
    {
        var texts = new List<string>();
        void Walk(XNode n)
        {
            foreach (var c in n.Children)
            {
                if (c.Kind == XNodeKind.Text)
                {
                    texts.Add(c.Value ?? string.Empty);
                }
                else
                {
                    Walk(c);
                }
            }
        }

        Walk(node);
        return texts;
    }

    private static byte[] Make(string name)
    {
        var payload = new byte[name.Contains("small", StringComparison.Ordinal) ? 3_000 : 200_000];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)((i * 31) ^ (i >> 7));
        }

        var base64 = Convert.ToBase64String(payload);
        var crlfLines = Convert.ToBase64String(payload, Base64FormattingOptions.InsertLineBreaks);
        var lfLines = crlfLines.Replace("\r\n", "\n            ", StringComparison.Ordinal) + "\n        ";
        if (name.StartsWith("cii", StringComparison.Ordinal))
        {
            var cii = File.ReadAllText(TestData.PathOf("cii", "CII_example1.xml"));
            var document = "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>ATT-1</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode>"
                + "<ram:AttachmentBinaryObject mimeCode=\"application/pdf\" filename=\"a.pdf\">" + lfLines + "</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>\n";
            var end = cii.IndexOf("</ram:ApplicableHeaderTradeAgreement>", StringComparison.Ordinal);
            return Encoding.UTF8.GetBytes(cii[..end] + document + cii[end..]);
        }

        var (content, after) = name switch
        {
            "ubl-one-line" or "ubl-small" or "ubl-two-attachments" or "ubl-rule-failure" => (base64, "\n"),
            "ubl-lf-lines-indented" => (lfLines, "\n"),
            "ubl-crlf-lines-schema-error-after-on-same-line" => (crlfLines, "<cbc:Bogus>x</cbc:Bogus>"),
            "ubl-one-line-schema-error-on-next-line" => (base64, "\n<cbc:Bogus>x</cbc:Bogus>"),
            "ubl-invalid-character" => (base64[..1000] + "*" + base64[1001..], "\n"),
            "ubl-nonzero-padding-bits" => (base64[..^4] + "AB==", "\n"),
            "ubl-one-line-then-element-on-same-line" => (base64, "<cbc:Bogus>x</cbc:Bogus>"),
            "ubl-entity-reference" => (base64[..1000] + "&#65;" + base64[1001..], "\n"),
            "ubl-comment-inside" => (base64[..^1000] + "<!-- c -->" + base64[^1000..], "\n"),
            "ubl-stand-in-in-input" => ("Q2hvcnVzIGxhcmdlIGJpbmFyeSBzdGFuZC1pbiA=" + base64, "\n"),
            _ => (crlfLines, string.Empty),
        };
        var extra = name switch
        {
            "ubl-nil" => " xsi:nil=\"false\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            "ubl-other-namespace" => " xmlns:cbc=\"urn:example:other\"",
            _ => string.Empty,
        };
        var reference = "<cac:AdditionalDocumentReference><cbc:ID>ATT-1</cbc:ID><cac:Attachment>"
            + $"<cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"a.pdf\"{extra}>" + content
            + "</cbc:EmbeddedDocumentBinaryObject>" + after + "</cac:Attachment></cac:AdditionalDocumentReference>\n";
        if (name == "ubl-two-attachments")
        {
            reference += reference.Replace("ATT-1", "ATT-2", StringComparison.Ordinal);
        }

        var ubl = File.ReadAllText(TestData.PathOf("ubl", "ubl-tc434-example1.xml"));
        if (name == "ubl-rule-failure")
        {
            // BR-CO-15: the total with VAT no longer equals the total without VAT plus the VAT.
            ubl = ubl.Replace("<cbc:TaxInclusiveAmount currencyID=\"EUR\">", "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1", StringComparison.Ordinal);
        }

        var at = ubl.IndexOf(UblAttachmentAnchor, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(ubl[..at] + reference + ubl[at..]);
    }
}
