using Chorus.Invoicing.Model;
using static Chorus.Invoicing.Validation.Rules.XPathNumbers;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>
/// BR-01…BR-65 (the core rules: mandatory terms and their cardinalities) and the co-occurrence rules BR-CO-03/04/18-26
/// that are not about totals. Written once on the model; where the bindings differ (an empty element that one binding
/// checks with <c>exists</c> and the other with <c>normalize-space(…) != ''</c>) the rule says so.
/// </summary>
internal static class Core
{
    public static readonly IRuleGroup Document = new RuleGroup<Invoice>(
        static input => [input.Invoice],
        static (_, input) => input.RootPath,
        new("BR-01", static (i, _) => Filled(i.SpecificationIdentifier)),
        new("BR-02", static (i, _) => Filled(i.Number)),
        new("BR-03", static (i, input) => i.IssueDate is { } d && Filled(d.Text) && (input.IsUbl || IsFormat102(d))),
        new("BR-04", static (i, _) => Filled(i.TypeCode?.Value)),
        new("BR-05", static (i, _) => Filled(i.CurrencyCode?.Value)),
        new("BR-06", static (i, _) => Filled(i.Seller?.Name)),
        new("BR-07", static (i, _) => Filled(i.Buyer?.Name)),
        new("BR-08", static (i, _) => i.Seller?.Address is not null),
        new("BR-10", static (i, _) => i.Buyer?.Address is not null),
        new("BR-16", static (i, _) => i.Lines.Count > 0),

        // CII checks the country from the root (a missing address fails too); UBL only inside a postal address.
        new("BR-09", static (i, _) => Filled(i.Seller?.Address?.CountryCode), RuleSyntax.Cii),
        new("BR-11", static (i, _) => Filled(i.Buyer?.Address?.CountryCode), RuleSyntax.Cii),
        new("BR-09", static (i, _) => i.Seller?.Address is not { } a || Filled(a.CountryCode), RuleSyntax.Ubl),
        new("BR-11", static (i, _) => i.Buyer?.Address is not { } a || Filled(a.CountryCode), RuleSyntax.Ubl),

        // BR-CO-03 Value added tax point date (BT-7) and Value added tax point date code (BT-8) are mutually exclusive.
        new("BR-CO-03", static (i, _) => i.VatPointDate is null || i.VatPointDateCode is null),

        // BR-CO-18 At least one VAT breakdown (BG-23); the CII binding checks it in the context of each line.
        new("BR-CO-18", static (i, input) => i.VatBreakdowns.Count > 0 || (!input.IsUbl && i.Lines.Count == 0)));

    // BR-CO-26 Seller identifier (BT-29), legal registration identifier (BT-30) or VAT identifier (BT-31). UBL checks it
    // on cac:AccountingSupplierParty (a wrapper without cac:Party fails), CII on each ram:SellerTradeParty.
    public static readonly IRuleGroup Seller = new RuleGroup<Invoice>(
        static input => SellerContexts(input),
        static (i, input) => input.IsUbl && i.SupplierPartyLocation.IsKnown ? i.SupplierPartyLocation.XPath : i.Seller?.Location.XPath,
        new Rule<Invoice>("BR-CO-26", static (i, input) => i.Seller is { } p && SellerIdentified(p, input)));

    private static IEnumerable<Invoice> SellerContexts(RuleInput input)
    {
        var i = input.Invoice;
        if (i.Seller is not null || (input.IsUbl && i.SupplierPartyLocation.IsKnown))
        {
            yield return i;
        }
    }

    private static bool SellerIdentified(Party p, RuleInput input)
    {
        if (p.LegalRegistrationId is not null || Parties.VisibleVatId(p, input) is not null)
        {
            return true;
        }

        foreach (var id in p.Identifiers)
        {
            // UBL: cac:PartyIdentification/cbc:ID[not(@schemeID = 'SEPA')] (the creditor id is kept apart when read).
            if (!input.IsUbl || id.Scheme?.Value != "SEPA")
            {
                return true;
            }
        }

        return false;
    }

    public static readonly IRuleGroup Totals = new RuleGroup<DocumentTotals>(
        Rules.Totals.ReadTotals,
        static (t, _) => t.Location.XPath,
        new("BR-12", static (t, _) => t.LineTotal is not null),
        new("BR-13", static (t, _) => t.TaxExclusiveAmount is not null),
        new("BR-14", static (t, _) => t.TaxInclusiveAmount is not null),
        new("BR-15", static (t, _) => t.AmountDue is not null));

    public static readonly IRuleGroup Lines = new RuleGroup<InvoiceLine>(
        static input => input.Invoice.Lines,
        static (l, _) => l.Location.XPath,
        new("BR-21", static (l, _) => Filled(l.Id)),
        new("BR-22", static (l, _) => l.Quantity is not null),
        new("BR-23", static (l, _) => l.Quantity?.UnitCode is not null),
        new("BR-24", static (l, _) => l.NetAmount is not null),
        new("BR-25", static (l, _) => Filled(l.Item?.Name)),
        new("BR-26", static (l, _) => l.Price?.NetPrice is not null),
        new("BR-27", static (l, _) => Double(l.Price?.NetPrice) is { } p && UntypedNonNegative(p)),
        new("BR-28", static (l, _) => l.Price?.GrossPrice is not { } g || (Double(g) is { } d && UntypedNonNegative(d))),
        new("BR-CO-04", static (l, input) => l.VatCategory is not null && TaxSchemes.IsVat(l.VatScheme, input)));

    public static readonly IRuleGroup DocumentAllowances = new RuleGroup<AllowanceCharge>(
        static input => Decimals.Where(input.Invoice.AllowancesCharges, charge: false),
        static (a, _) => a.Location.XPath,
        new("BR-31", static (a, _) => a.Amount is not null),
        new("BR-32", static (a, input) => a.VatCategory is not null && TaxSchemes.IsVat(a.VatScheme, input)),
        new("BR-33", static (a, _) => a.Reason is not null || a.ReasonCode is not null),
        new("BR-CO-21", static (a, _) => a.Reason is not null || a.ReasonCode is not null));

    public static readonly IRuleGroup DocumentCharges = new RuleGroup<AllowanceCharge>(
        static input => Decimals.Where(input.Invoice.AllowancesCharges, charge: true),
        static (a, _) => a.Location.XPath,
        new("BR-36", static (a, _) => a.Amount is not null),
        new("BR-37", static (a, input) => a.VatCategory is not null && TaxSchemes.IsVat(a.VatScheme, input)),
        new("BR-38", static (a, _) => a.Reason is not null || a.ReasonCode is not null),
        new("BR-CO-22", static (a, _) => a.Reason is not null || a.ReasonCode is not null));

    public static readonly IRuleGroup LineAllowances = new RuleGroup<AllowanceCharge>(
        static input => Decimals.LineAllowancesCharges(input, charge: false),
        static (a, _) => a.Location.XPath,
        new("BR-41", static (a, _) => a.Amount is not null),
        new("BR-42", static (a, _) => a.Reason is not null || a.ReasonCode is not null),
        new("BR-CO-23", static (a, _) => a.Reason is not null || a.ReasonCode is not null));

    public static readonly IRuleGroup LineCharges = new RuleGroup<AllowanceCharge>(
        static input => Decimals.LineAllowancesCharges(input, charge: true),
        static (a, _) => a.Location.XPath,
        new("BR-43", static (a, _) => a.Amount is not null),
        new("BR-44", static (a, _) => a.Reason is not null || a.ReasonCode is not null),
        new("BR-CO-24", static (a, _) => a.Reason is not null || a.ReasonCode is not null));

    public static readonly IRuleGroup VatBreakdowns = new RuleGroup<VatBreakdown>(
        TaxSchemes.GenericBreakdowns,
        static (b, _) => b.Location.XPath,
        new("BR-45", static (b, _) => b.TaxableAmount is not null),
        new("BR-46", static (b, _) => b.TaxAmount is not null),
        // Only a category of the VAT scheme counts (cac:TaxCategory[cac:TaxScheme…='VAT'], .[upper-case(ram:TypeCode)='VAT']).
        new("BR-47", static (b, input) => b.Category is not null && TaxSchemes.IsVat(b.Scheme, input)),
        new("BR-48", static (b, input) => TaxSchemes.IsVat(b.Scheme, input) && (b.Rate is not null || TaxSchemes.CategoryText(b.Category, b.Scheme, input) == "O")));

    public static readonly IRuleGroup InvoicingPeriod = new RuleGroup<Period>(
        static input => input.Invoice.InvoicingPeriod is { } p ? [p] : [],
        static (p, _) => p.Location.XPath,
        new Rule<Period>("BR-29", static (p, input) => EndNotBeforeStart(p, input)));

    public static readonly IRuleGroup LinePeriods = new RuleGroup<Period>(
        static input => LinePeriodsOf(input.Invoice),
        static (p, _) => p.Location.XPath,
        new("BR-30", static (p, input) => EndNotBeforeStart(p, input)),
        new("BR-CO-20", static (p, _) => HasStart(p) || HasEnd(p)));

    public static readonly IRuleGroup ItemAttributes = new RuleGroup<InvoiceLine>(
        static input => input.Invoice.Lines,
        static (l, _) => l.Location.XPath,
        new Rule<InvoiceLine>("BR-54", static (l, _) => AttributesComplete(l)));

    public static readonly IRuleGroup SupportingDocuments = new RuleGroup<SupportingDocument>(
        static input => input.Invoice.SupportingDocuments,
        static (d, _) => d.Location.XPath,
        new Rule<SupportingDocument>("BR-52", static (d, _) => Filled(d.Reference)));

    public static readonly IRuleGroup Items = new RuleGroup<Item>(
        static input => ItemsOf(input.Invoice),
        static (_, input) => input.RootPath,

        // BR-64 / BR-65: an item standard identifier (BT-157) has a scheme, a classification (BT-158) a list id;
        // UBL asks for the attribute, CII for a non-blank one.
        new("BR-64", static (item, input) => item.StandardId is not { } id || (input.IsUbl ? id.Scheme is not null : Filled(id.Scheme?.Value))),
        new("BR-65", static (item, input) => AllClassificationsHaveList(item, input)));

    public static readonly IRuleGroup ElectronicAddresses = new RuleGroup<Invoice>(
        static input => [input.Invoice],
        static (_, input) => input.RootPath,

        // BR-62 / BR-63: the seller's / buyer's electronic address (BT-34 / BT-49) has a scheme.
        new("BR-62", static (i, input) => SchemeStated(i.Seller, input)),
        new("BR-63", static (i, input) => SchemeStated(i.Buyer, input)),

        // BR-57 Each deliver to address (BG-15) shall contain a deliver to country code (BT-80).
        new("BR-57", static (i, input) => i.Delivery?.Address is not { } a || (input.IsUbl ? a.CountryCode is not null : Filled(a.CountryCode))),

        // BR-CO-19 An invoicing period (BG-14) has a start or an end date; the UBL binding also accepts a lone BT-8 code.
        new("BR-CO-19", static (i, input) => i.InvoicingPeriod is not { } p || HasStart(p) || HasEnd(p) || (input.IsUbl && i.VatPointDateCode is not null)));

    // BR-CO-05…08: the reason codes and texts "shall indicate the same type": true() in both bindings (not machine-checkable).
    public static readonly IRuleGroup ReasonConsistency = new RuleGroup<Invoice>(
        static input => [input.Invoice],
        static (_, input) => input.RootPath,
        new("BR-CO-05", static (_, _) => true),
        new("BR-CO-06", static (_, _) => true),
        new("BR-CO-07", static (_, _) => true),
        new("BR-CO-08", static (_, _) => true));

    private static IEnumerable<Item> ItemsOf(Invoice invoice)
    {
        foreach (var l in invoice.Lines)
        {
            if (l.Item is { } item)
            {
                yield return item;
            }
        }
    }

    private static bool AllClassificationsHaveList(Item item, RuleInput input)
    {
        foreach (var c in item.Classifications)
        {
            if (input.IsUbl ? c.Scheme is null : !Filled(c.Scheme?.Value))
            {
                return false;
            }
        }

        return true;
    }

    // CII tests the first ram:URIUniversalCommunication: a container without ram:URIID fails.
    private static bool SchemeStated(Party? party, RuleInput input) =>
        party?.ElectronicAddress is not { } a
            ? input.IsUbl || party?.ElectronicAddressElement.IsKnown != true
            : input.IsUbl ? a.Scheme is not null : Filled(a.Scheme?.Value);

    /// <summary><c>xs:date</c> of a text: <c>yyyy-mm-dd</c> with an optional timezone (ignored), null when invalid.</summary>
    internal static DateTime? XsDate(string? text)
    {
        if (text is null || text.Length < 10)
        {
            return null;
        }

        var tz = text.Substring(10);
        if (tz.Length != 0 && tz != "Z" && !(tz.Length == 6 && (tz[0] == '+' || tz[0] == '-') && tz[3] == ':'))
        {
            return null;
        }

        return DateTime.TryParseExact(text.Substring(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>A CII <c>udt:DateTimeString[@format = '102']</c>; a date built in code is written in format 102.</summary>
    private static bool IsFormat102(DateValue d) => d.Format == "102" || (d.Format is null && !d.Location.IsKnown);

    // CII tests the ram:StartDateTime / ram:EndDateTime containers, with or without a date inside.
    private static bool HasStart(Period p) => p.Start is not null || p.StartElement.IsKnown;

    private static bool HasEnd(Period p) => p.End is not null || p.EndElement.IsKnown;

    /// <summary><c>normalize-space(x) != ''</c>.</summary>
    internal static bool Filled(string? text) => !string.IsNullOrWhiteSpace(text);

    private static IEnumerable<Period> LinePeriodsOf(Invoice invoice)
    {
        foreach (var l in invoice.Lines)
        {
            if (l.Period is { } p)
            {
                yield return p;
            }
        }
    }

    private static bool AttributesComplete(InvoiceLine l)
    {
        if (l.Item is not { } item)
        {
            return true;
        }

        foreach (var a in item.Attributes)
        {
            if (a.Name is null || a.Value is null)
            {
                return false;
            }
        }

        return true;
    }

    // BR-29 / BR-30: end date not before start date. UBL compares xs:date values; CII compares the format-102 texts.
    private static bool EndNotBeforeStart(Period p, RuleInput input)
    {
        if (!HasStart(p) || !HasEnd(p))
        {
            return true;
        }

        // CII: a container without a format-102 date makes the comparison of () false.
        if (p.Start is not { } start || p.End is not { } end)
        {
            return false;
        }

        if (input.IsUbl)
        {
            return XsDate(start.Text) is { } s && XsDate(end.Text) is { } e && e >= s;
        }

        return IsFormat102(start) && IsFormat102(end) && string.CompareOrdinal(end.Text, start.Text) >= 0;
    }
}
