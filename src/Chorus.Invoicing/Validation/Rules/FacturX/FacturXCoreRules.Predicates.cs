using System.Text.RegularExpressions;
using Chorus.Invoicing.Validation.Internal.Tree;
using Chorus.Invoicing.Validation.Rules.Tree;
using static Chorus.Invoicing.Validation.Rules.FacturX.FxXPath;

namespace Chorus.Invoicing.Validation.Rules.FacturX;

/// <summary>
/// The tests of the table that are more than an existence or a comparison: totals (BR-CO-10…17), decimals on the VAT
/// total (BR-DEC-13/15), periods, reasons, electronic addresses, split payment (BR-B), delivery date (BR-FX-EN-04).
/// Each keeps the XPath's order of evaluation, so that the same inputs meet the same dynamic errors (a non-numeric amount
/// on the right of an <c>and</c> that was already false is never read).
/// </summary>
internal static partial class FacturXCoreRules
{
    private const string Settlement = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/";
    private const string Summation = Settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/";

    // ISO 3166-1 alpha-2 codes and EL, 1A, XI, as listed in BR-CO-09 (facts of the rule).
    private const string CountryCodes = " 1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BJ BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE YT ZA ZM ZW ";

    // CII-DT-097 with the XML Schema meaning of \s (space, tab, CR, LF) and of $ (the very end).
    private static readonly Regex YyyyMmDd = new(@"^[ \t\r\n]*(\d{4})(1[0-2]|0[1-9]){1}(3[01]|[12][0-9]|0[1-9]){1}[ \t\r\n]*\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly FxPath InvoiceCurrency = FxPath.Of(Settlement + "ram:InvoiceCurrencyCode");
    private static readonly FxPath TaxCurrency = FxPath.Of(Settlement + "ram:TaxCurrencyCode");
    private static readonly FxPath DocumentAllowanceCharges = FxPath.Of(Settlement + "ram:SpecifiedTradeAllowanceCharge");
    private static readonly FxPath LogisticsCharges = FxPath.Of(Settlement + "ram:SpecifiedLogisticsServiceCharge/ram:AppliedAmount");
    private static readonly FxPath BreakdownTaxAmounts = FxPath.Of(Settlement + "ram:ApplicableTradeTax/ram:CalculatedAmount");
    private static readonly FxPath HeaderChargeTotal = FxPath.Of(Summation + "ram:ChargeTotalAmount");
    private static readonly FxPath HeaderGrandTotal = FxPath.Of(Summation + "ram:GrandTotalAmount");
    private static readonly FxPath HeaderTaxBasisTotal = FxPath.Of(Summation + "ram:TaxBasisTotalAmount");
    private static readonly FxPath HeaderTaxTotal = FxPath.Of(Summation + "ram:TaxTotalAmount");
    private static readonly FxPath LineNetAmounts = FxPath.Of("../../ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
    private static readonly FxPath ActualAmount = FxPath.Of("ram:ActualAmount");
    private static readonly FxPath Indicator = FxPath.Of("ram:ChargeIndicator/udt:Indicator");
    private static readonly FxPath LineTotal = FxPath.Of("ram:LineTotalAmount");
    private static readonly FxPath AllowanceTotal = FxPath.Of("ram:AllowanceTotalAmount");
    private static readonly FxPath ChargeTotal = FxPath.Of("ram:ChargeTotalAmount");
    private static readonly FxPath TaxBasisTotal = FxPath.Of("ram:TaxBasisTotalAmount");
    private static readonly FxPath TaxTotal = FxPath.Of("ram:TaxTotalAmount");
    private static readonly FxPath GrandTotal = FxPath.Of("ram:GrandTotalAmount");
    private static readonly FxPath DuePayable = FxPath.Of("ram:DuePayableAmount");
    private static readonly FxPath Prepaid = FxPath.Of("ram:TotalPrepaidAmount");
    private static readonly FxPath Rounding = FxPath.Of("ram:RoundingAmount");
    private static readonly FxPath TaxTotalCurrencies = FxPath.Of("ram:TaxTotalAmount/@currencyID");
    private static readonly FxPath TypeCode = FxPath.Of("ram:TypeCode");
    private static readonly FxPath CategoryCode = FxPath.Of("ram:CategoryCode");
    private static readonly FxPath Rate = FxPath.Of("ram:RateApplicablePercent");
    private static readonly FxPath BasisAmount = FxPath.Of("ram:BasisAmount");
    private static readonly FxPath CalculatedAmount = FxPath.Of("ram:CalculatedAmount");
    private static readonly FxPath TaxRegistrationIds = FxPath.Of("ram:SpecifiedTaxRegistration/ram:ID");
    private static readonly FxPath IssueDate = FxPath.Of("rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
    private static readonly FxPath AllCountryIds = FxPath.Of("//ram:CountryID");
    private static readonly FxPath AllCategoryCodes = FxPath.Of("//ram:CategoryCode");
    private static readonly FxPath AllDuePayable = FxPath.Of("//ram:DuePayableAmount");
    private static readonly FxPath PaymentDueDates = FxPath.Of("//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime");
    private static readonly FxPath PaymentTerms = FxPath.Of("//ram:SpecifiedTradePaymentTerms/ram:Description");
    private static readonly FxPath PeriodStarts = FxPath.Of("ram:StartDateTime/udt:DateTimeString");
    private static readonly FxPath PeriodEnds = FxPath.Of("ram:EndDateTime/udt:DateTimeString");
    private static readonly FxPath PeriodStart = FxPath.Of("ram:StartDateTime");
    private static readonly FxPath PeriodEnd = FxPath.Of("ram:EndDateTime");
    private static readonly FxPath SiblingReason = FxPath.Of("../ram:Reason");
    private static readonly FxPath SiblingReasonCode = FxPath.Of("../ram:ReasonCode");
    private static readonly FxPath SiblingCategoryTaxes = FxPath.Of("../ram:CategoryTradeTax");
    private static readonly FxPath LineTaxes = FxPath.Of("ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax");
    private static readonly FxPath CardId = FxPath.Of("ram:ID");
    private static readonly FxPath PartyName = FxPath.Of("ram:Name");
    private static readonly FxPath PartyId = FxPath.Of("ram:ID");
    private static readonly FxPath PartyLegalId = FxPath.Of("ram:SpecifiedLegalOrganization/ram:ID");
    private static readonly FxPath SellerName = FxPath.Of("../ram:SellerTradeParty/ram:Name");
    private static readonly FxPath SellerId = FxPath.Of("../ram:SellerTradeParty/ram:ID");
    private static readonly FxPath SellerLegalId = FxPath.Of("../ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID");
    private static readonly FxPath Iban = FxPath.Of("ram:PayeePartyCreditorFinancialAccount/ram:IBANID");
    private static readonly FxPath ProprietaryId = FxPath.Of("ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID");
    private static readonly FxPath DeliveryEventDate = FxPath.Of("ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime");
    private static readonly FxPath InvoicingPeriod = FxPath.Of("ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod");
    private static readonly FxPath Lines = FxPath.Of("ram:IncludedSupplyChainTradeLineItem");
    private static readonly FxPath LinePeriod = FxPath.Of("ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod");
    private static readonly FxPath Delivery = FxPath.Of("ram:ApplicableHeaderTradeDelivery");
    private static readonly FxPath DocumentTypeCode = FxPath.Of("rsm:ExchangedDocument/ram:TypeCode");
    private static readonly FxPath SellerCountry = FxPath.Of("ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:PostalTradeAddress/ram:CountryID");
    private static readonly FxPath BuyerCountry = FxPath.Of("ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:PostalTradeAddress/ram:CountryID");
    private static readonly FxPath InvoicerCountry = FxPath.Of("ram:ApplicableHeaderTradeSettlement/ram:InvoicerTradeParty/ram:PostalTradeAddress/ram:CountryID");
    private static readonly FxPath InvoiceeCountry = FxPath.Of("ram:ApplicableHeaderTradeSettlement/ram:InvoiceeTradeParty/ram:PostalTradeAddress/ram:CountryID");

    // ---- context predicates -----------------------------------------------------------------------------------------

    // [@schemeID='VA']
    private static bool IsVatScheme(XNode n) => n.Attr("schemeID") == "VA";

    // [@format = '102']
    private static bool HasFormat102(XNode n) => n.Attr("format") == "102";

    // ram:TaxTotalAmount[@currencyID = /…/ram:InvoiceCurrencyCode]
    private static bool InInvoiceCurrency(XNode n) => n.Attr("currencyID") is { } c && InvoiceCurrency.Values(n).Contains(c);

    // ram:ChargeIndicator[udt:Indicator = 'false' | 'true']
    private static Func<XNode, bool> IndicatorIs(string value)
    {
        var p = FxPath.Of("udt:Indicator");
        return n => Any(n, p, v => v == value);
    }

    // ram:SpecifiedTradeSettlementPaymentMeans[ram:TypeCode='30' or ram:TypeCode='58']/…: a predicate on the parent.
    private static bool ParentIsCreditTransfer(XNode n) => n.Parent is { } means && Any(means, TypeCode, static v => v is "30" or "58");

    // …[some $code in ('30', '58') satisfies normalize-space(ram:TypeCode) = $code]
    private static bool IsCreditTransferNormalized(XNode n) => NormalizeJoined(n, TypeCode) is "30" or "58";

    // /rsm:CrossIndustryInvoice[rsm:ExchangedDocument/ram:TypeCode != '386']/rsm:SupplyChainTradeTransaction[a German
    // seller or invoicer and a German buyer or invoicee] (BR-FX-EN-04).
    private static bool IsGermanNonAdvanceTransaction(XNode transaction)
    {
        if (transaction.Parent is not { } root || !Any(root, DocumentTypeCode, static v => v != "386"))
        {
            return false;
        }

        return (IsGerman(transaction, SellerCountry) || IsGerman(transaction, InvoicerCountry))
            && (IsGerman(transaction, BuyerCountry) || IsGerman(transaction, InvoiceeCountry));
    }

    private static bool IsGerman(XNode n, FxPath country) => Any(n, country, static v => string.Equals(TreeQuery.NormalizeSpace(v), "DE", StringComparison.OrdinalIgnoreCase));

    // ---- tests ------------------------------------------------------------------------------------------------------

    // ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA'] (BR-CO-26).
    private static Func<XNode, bool> VatIdentifier(string path)
    {
        var p = FxPath.Of(path);
        return n => p.Select(n).Any(IsVatScheme);
    }

    // BR-56: ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA'] != ''.
    private static bool VatIdentifierNotEmpty(XNode n) => TaxRegistrationIds.Select(n).Any(static id => IsVatScheme(id) && id.StringValue.Length != 0);

#pragma warning disable CA2249 // string.Contains(string, StringComparison) is missing on netstandard2.0
    // BR-CO-09: contains(' AD AE … ', concat(' ', substring(., 1, 2), ' ')).
    private static bool VatPrefixIsIsoCountry(XNode n)
    {
        var v = n.StringValue;
        var prefix = v.Length > 2 ? v.Substring(0, 2) : v;
        return CountryCodes.IndexOf(" " + prefix + " ", StringComparison.Ordinal) >= 0;
    }
#pragma warning restore CA2249

    // BR-03: rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString[@format='102'] != ''.
    private static bool IssueDateGiven(XNode n) => IssueDate.Select(n).Any(static d => HasFormat102(d) && d.StringValue.Length != 0);

    // BR-62/63: normalize-space(party/ram:URIUniversalCommunication[1]/ram:URIID/@schemeID) != '' or not(party/ram:URIUniversalCommunication).
    private static Func<XNode, bool> ElectronicAddressHasScheme(string party)
    {
        var parties = FxPath.Of("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/" + party);
        var uri = ElementPath.Of("ram:URIUniversalCommunication");
        var scheme = ElementPath.Of("ram:URIID/@schemeID");
        return n =>
        {
            var any = false;
            var schemes = new List<string>();
            foreach (var p in parties.Select(n))
            {
                if (p.First(uri) is { } first)
                {
                    any = true;
                    schemes.AddRange(first.Values(scheme));
                }
            }

            return TreeQuery.NormalizeSpace(string.Join(" ", schemes)).Length != 0 || !any;
        };
    }

    // BR-B-01: (not(//ram:CountryID != 'IT') and //ram:CategoryCode = 'B') or not(//ram:CategoryCode = 'B').
    private static bool SplitPaymentIsItalian(XNode n) =>
        (!Any(n, AllCountryIds, static v => v != "IT") && Any(n, AllCategoryCodes, static v => v == "B")) || !Any(n, AllCategoryCodes, static v => v == "B");

    // BR-B-02: (//ram:CategoryCode = 'B' and not(//ram:CategoryCode = 'S')) or not(//ram:CategoryCode = 'B').
    private static bool SplitPaymentWithoutStandardRate(XNode n) =>
        (Any(n, AllCategoryCodes, static v => v == "B") && !Any(n, AllCategoryCodes, static v => v == "S")) || !Any(n, AllCategoryCodes, static v => v == "B");

    // BR-CO-25: a positive number(//ram:DuePayableAmount) needs a payment due date or payment terms.
    private static bool PositiveDueHasTermsOrDate(XNode n) => !(Number(n, AllDuePayable) > 0) || PaymentDueDates.Exists(n) || PaymentTerms.Exists(n);

    // BR-29/30: (ram:EndDateTime/udt:DateTimeString[@format = '102']) >= (ram:StartDateTime/udt:DateTimeString[@format = '102'])
    // or not(ram:EndDateTime) or not(ram:StartDateTime): untyped against untyped compares as strings.
    private static bool PeriodEndNotBeforeStart(XNode n)
    {
        var starts = PeriodStarts.Select(n).Where(HasFormat102).Select(static d => d.StringValue).ToList();
        foreach (var end in PeriodEnds.Select(n).Where(HasFormat102))
        {
            if (starts.Any(s => string.CompareOrdinal(end.StringValue, s) >= 0))
            {
                return true;
            }
        }

        return !PeriodEnd.Exists(n) || !PeriodStart.Exists(n);
    }

    // BR-33/38/42/44, BR-CO-21…24: (../ram:Reason) or (../ram:ReasonCode).
    private static bool ReasonGiven(XNode n) => SiblingReason.Exists(n) || SiblingReasonCode.Exists(n);

    // BR-32/37: ../ram:CategoryTradeTax[upper-case(ram:TypeCode) = 'VAT']/ram:CategoryCode.
    private static bool AllowanceChargeHasVatCategory(XNode n) => HasVatCategory(SiblingCategoryTaxes.Select(n));

    // BR-CO-04: ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax[upper-case(ram:TypeCode) = 'VAT']/ram:CategoryCode.
    private static bool LineHasVatCategory(XNode n) => HasVatCategory(LineTaxes.Select(n));

    private static bool HasVatCategory(List<XNode> taxes)
    {
        // The filter is applied to every tax before the next step: a tax with two type codes is an error wherever it is.
        var vat = taxes.Where(static t => string.Equals(One(t, TypeCode), "VAT", StringComparison.OrdinalIgnoreCase)).ToList();
        return vat.Any(static t => CategoryCode.Exists(t));
    }

    // BR-51: string-length(normalize-space(ram:ID)) <= 10.
    private static bool CardNumberAtMostTen(XNode n) => CodePoints(NormalizeJoined(n, CardId)) <= 10;

    // BR-17: the payee has a name, and neither its name, identifier nor legal registration identifier is the seller's.
    private static bool PayeeNamedAndDistinct(XNode n) =>
        PartyName.Exists(n)
        && !Shares(n, PartyName, SellerName)
        && !Shares(n, PartyId, SellerId)
        && !Shares(n, PartyLegalId, SellerLegalId);

    private static bool Shares(XNode n, FxPath a, FxPath b)
    {
        var right = b.Values(n);
        return a.Values(n).Any(right.Contains);
    }

    // BR-CO-27: (IBAN or proprietary id) and not both.
    private static bool IbanOrProprietary(XNode n)
    {
        bool iban = Iban.Exists(n), proprietary = ProprietaryId.Exists(n);
        return (iban || proprietary) && !(iban && proprietary);
    }

    // BR-FX-EN-04 (on a German transaction that is not a down payment): a delivery date, an invoicing period or a period on
    // every line; and a delivery date or some text in the delivery information (the deliver-to country).
    private static bool DeliveryDateOrPeriodGiven(XNode n)
    {
        var date = DeliveryEventDate.Exists(n);
        var when = date || InvoicingPeriod.Exists(n) || Lines.Select(n).All(static l => LinePeriod.Exists(l));
        return when && (date || TreeQuery.NormalizeSpace(string.Concat(Delivery.Values(n))).Length != 0);
    }

    // CII-DT-097: matches(., '^\s*(\d{4})(1[0-2]|0[1-9]){1}(3[01]|[12][0-9]|0[1-9]){1}\s*$').
    private static bool IsYyyyMmDd(XNode n) => YyyyMmDd.IsMatch(n.StringValue);

    // BR-53: not(TaxCurrencyCode) or (TaxCurrencyCode and ram:TaxTotalAmount/@currencyID = TaxCurrencyCode and not(TaxCurrencyCode = InvoiceCurrencyCode)).
    private static bool AccountingCurrencyVatTotalGiven(XNode n)
    {
        var tax = TaxCurrency.Values(n);
        if (tax.Count == 0)
        {
            return true;
        }

        var invoice = InvoiceCurrency.Values(n);
        return TaxTotalCurrencies.Values(n).Any(tax.Contains) && !tax.Any(invoice.Contains);
    }

    // BR-DEC-13: not(ram:TaxTotalAmount) or ram:TaxTotalAmount[(@currencyID = InvoiceCurrencyCode and . = round(. * 100) div 100)
    // or not(@currencyID = InvoiceCurrencyCode)].
    private static bool VatTotalInInvoiceCurrencyRounded(XNode n)
    {
        var totals = TaxTotal.Select(n);
        if (totals.Count == 0)
        {
            return true;
        }

        var currencies = InvoiceCurrency.Values(n);
        foreach (var t in totals)
        {
            var inCurrency = t.Attr("currencyID") is { } c && currencies.Contains(c);
            if ((inCurrency && IsRoundedToCents(t.StringValue)) || !inCurrency)
            {
                return true;
            }
        }

        return false;
    }

    // BR-DEC-15: not(ram:TaxTotalAmount) or ram:TaxTotalAmount[(@currencyID = TaxCurrencyCode and . = round(. * 100) div 100)
    // or not(TaxCurrencyCode)].
    private static bool VatTotalInAccountingCurrencyRounded(XNode n)
    {
        var totals = TaxTotal.Select(n);
        if (totals.Count == 0)
        {
            return true;
        }

        var currencies = TaxCurrency.Values(n);
        foreach (var t in totals)
        {
            var inCurrency = t.Attr("currencyID") is { } c && currencies.Contains(c);
            if ((inCurrency && IsRoundedToCents(t.StringValue)) || currencies.Count == 0)
            {
                return true;
            }
        }

        return false;
    }

    // . = round(. * 100) div 100, on doubles.
    private static bool IsRoundedToCents(string value)
    {
        var d = ParseDouble(value);
        return d == Round(d * 100) / 100;
    }

    // BR-CO-10: xs:decimal(ram:LineTotalAmount) = round(xs:decimal(sum(line net amounts)) * 100) div 100.
    private static bool LineTotalIsSumOfLines(XNode n)
    {
        if (FxXPath.Decimal(n, LineTotal) is not { } total)
        {
            return false;
        }

        var sum = Sum(n, LineNetAmounts) is { } s ? DoubleToDecimal(s) : 0m;
        return total == Checked(() => Round(sum * 100m) / 100m);
    }

    // BR-CO-11: (no document allowance and no BT-107) or ram:AllowanceTotalAmount = round(sum(allowance amounts) * 10 * 10) div 100.
    private static bool AllowanceTotalIsSum(XNode n) => DocumentTotalIsSum(n, "false", AllowanceTotal);

    // BR-CO-12: (no document charge and no BT-108) or round(BT-108 * 100) div 100 = the charges' rounded sum (header
    // logistics service charges included), all on doubles.
    private static bool ChargeTotalIsSum(XNode n)
    {
        var charges = AllowancesOrCharges(n, "true");
        if (charges.Count == 0 && !ChargeTotal.Exists(n))
        {
            return true;
        }

        var header = HeaderChargeTotal.Values(n);
        if (header.Count == 0)
        {
            return false;
        }

        if (header.Count > 1)
        {
            throw new FacturXEvalException("XPTY0004: arithmetic on a sequence of several items");
        }

        var left = Round(ParseDouble(header[0]) * 10 * 10) / 100;
        var sum = RoundedSum(charges.SelectMany(static c => ActualAmount.Values(c)).ToList());
        var logistics = RoundedSum(LogisticsCharges.Values(n));
        return left == Round((sum + logistics) * 10 * 10) / 100;
    }

    private static bool DocumentTotalIsSum(XNode n, string indicator, FxPath total)
    {
        var items = AllowancesOrCharges(n, indicator);
        var totals = total.Values(n);
        if (items.Count == 0 && totals.Count == 0)
        {
            return true;
        }

        if (totals.Count == 0)
        {
            return false;
        }

        var sum = RoundedSum(items.SelectMany(static c => ActualAmount.Values(c)).ToList());
        return AnyNumber(totals, d => d == sum);
    }

    // round(sum(values) * 10 * 10) div 100 on doubles (the empty sum is 0).
    private static double RoundedSum(List<string> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += ParseDouble(v);
        }

        return Round(sum * 10 * 10) / 100;
    }

    private static List<XNode> AllowancesOrCharges(XNode n, string indicator) =>
        DocumentAllowanceCharges.Select(n).Where(ac => Any(ac, Indicator, v => v == indicator)).ToList();

    // BR-CO-13: BT-109 = round((BT-106 - BT-107 + BT-108) * 100) div 100, with the terms that are present.
    private static bool TaxBasisTotalHolds(XNode n)
    {
        decimal? Basis() => FirstDecimal(n, TaxBasisTotal);
        decimal? Lines() => FirstDecimal(n, LineTotal);
        decimal? Allowances() => FirstDecimal(n, AllowanceTotal);
        decimal? Charges() => FirstDecimal(n, ChargeTotal);
        bool hasAllowances = AllowanceTotal.Exists(n), hasCharges = ChargeTotal.Exists(n);

        return EqualsWhenBoth(Basis, () => Cents(Combine(Lines(), Allowances(), Charges(), static (l, a, c) => l - a + c)))
            || (EqualsWhenBoth(Basis, () => Cents(Combine(Lines(), Allowances(), static (l, a) => l - a))) && !hasCharges)
            || (EqualsWhenBoth(Basis, () => Cents(Combine(Lines(), Charges(), static (l, c) => l + c))) && !hasAllowances)
            || (EqualsWhenBoth(Basis, () => Cents(Lines())) && !hasCharges && !hasAllowances);
    }

    // BR-CO-16: BT-115 = BT-112 - BT-113 + BT-114, with the terms that are present (not rounded).
    private static bool DuePayableHolds(XNode n)
    {
        decimal? Due() => FirstDecimal(n, DuePayable);
        decimal? Grand() => FirstDecimal(n, GrandTotal);
        decimal? Paid() => FirstDecimal(n, Prepaid);
        decimal? Rounded() => FirstDecimal(n, Rounding);
        bool hasPaid = Prepaid.Exists(n), hasRounding = Rounding.Exists(n);

        return EqualsWhenBoth(Due, () => Combine(Grand(), Paid(), Rounded(), static (g, p, r) => g - p + r))
            || (EqualsWhenBoth(Due, () => Combine(Grand(), Rounded(), static (g, r) => g + r)) && !hasPaid)
            || (EqualsWhenBoth(Due, () => Combine(Grand(), Paid(), static (g, p) => g - p)) && !hasRounding)
            || (EqualsWhenBoth(Due, Grand) && !hasPaid && !hasRounding);
    }

    // BR-CO-15: for every invoice currency, (one BT-110 in it and BT-112 = round((BT-109 + BT-110) * 100) div 100) or BT-112 = BT-109.
    private static bool GrandTotalHolds(XNode n)
    {
        foreach (var currency in InvoiceCurrency.Values(n))
        {
            var vat = HeaderTaxTotal.Select(n).Where(t => t.Attr("currencyID") == currency).ToList();
            decimal? Grand() => FirstDecimal(n, HeaderGrandTotal);
            decimal? Basis() => FirstDecimal(n, HeaderTaxBasisTotal);
            decimal? Vat() => vat.Count == 0 ? null : ParseDecimal(vat[0].StringValue);
            var holds = (vat.Count == 1 && EqualsWhenBoth(Grand, () => Combine(Basis(), Vat(), static (b, v) => Round((b + v) * 100) / 100)))
                || EqualsWhenBoth(Grand, Basis);
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    // BR-CO-14 (context: BT-110 in the invoice currency): . = round(sum(BT-117) * 10 * 10) div 100, on doubles.
    private static bool VatTotalIsSumOfBreakdowns(XNode n)
    {
        var sum = RoundedSum(BreakdownTaxAmounts.Values(n));
        return ParseDouble(n.StringValue) == sum;
    }

    // BR-CO-17: BT-117 = BT-116 × BT-119 / 100 rounded to cents, within 1; a zero rate (or no VAT rate) needs a zero amount.
    private static bool BreakdownTaxHolds(XNode n)
    {
        // .[normalize-space(upper-case(ram:TypeCode)) = 'VAT']/xs:decimal(ram:RateApplicablePercent)
        decimal? VatRate() => TreeQuery.NormalizeSpace(One(n, TypeCode).ToUpperInvariant()) == "VAT" ? FxXPath.Decimal(n, Rate) : null;
        decimal? Tax() => FxXPath.Decimal(n, CalculatedAmount);

        if (VatRate() is { } r0 && Round(r0) == 0 && Tax() is { } t0 && Round(t0) == 0)
        {
            return true;
        }

        if (VatRate() is { } r && Round(r) != 0)
        {
            decimal? Expected() => FxXPath.Decimal(n, BasisAmount) is { } b ? Checked(() => Round(Math.Abs(b) * (r / 100) * 10 * 10) / 100) : null;
            if (Tax() is { } t1 && Expected() is { } e1 && Math.Abs(t1) - 1 <= e1
                && Tax() is { } t2 && Expected() is { } e2 && Math.Abs(t2) + 1 >= e2)
            {
                return true;
            }
        }

        return VatRate() is null && Tax() is { } t3 && Round(t3) == 0;
    }

    // A general comparison of two decimal expressions: false when the left one is empty (the right one is then not
    // evaluated), or when the right one is.
    private static bool EqualsWhenBoth(Func<decimal?> left, Func<decimal?> right) => left() is { } l && right() is { } r && l == r;

    // Arithmetic on optional operands: every operand is evaluated (its errors met), then an empty one empties the result.
    private static decimal? Combine(decimal? a, decimal? b, Func<decimal, decimal, decimal> f) =>
        a is { } x && b is { } y ? Checked(() => f(x, y)) : null;

    private static decimal? Combine(decimal? a, decimal? b, decimal? c, Func<decimal, decimal, decimal, decimal> f) =>
        a is { } x && b is { } y && c is { } z ? Checked(() => f(x, y, z)) : null;

    // round(x * 10 * 10) div 100 on decimals.
    private static decimal? Cents(decimal? x) => x is { } v ? Checked(() => Round(v * 10 * 10) / 100) : null;
}
