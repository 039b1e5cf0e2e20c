using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

internal static partial class UblReader
{
    // EN 16931 has one BG-16 with several BG-17; UBL repeats cac:PaymentMeans: the first gives the code and text.
    private static void ReadPaymentMeans(XmlCursor c, State s)
    {
        var location = c.Here();
        string? code = null, text = null, paymentId = null, pan = null, holder = null, mandate = null, debited = null;
        string? account = null, accountName = null, bic = null;
        DateValue? due = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "PaymentMeansCode":
                        text ??= c.Attribute("name");
                        c.Once(ref code);
                        break;
                    case "PaymentDueDate":
                        c.OnceDate(ref due);
                        break;
                    case "PaymentID":
                        c.Once(ref paymentId);
                        break;
                    case "CardAccount":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "PrimaryAccountNumberID":
                                        c.Once(ref pan);
                                        break;
                                    case "HolderName":
                                        c.Once(ref holder);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    case "PayeeFinancialAccount":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "ID":
                                        c.Once(ref account);
                                        break;
                                    case "Name":
                                        c.Once(ref accountName);
                                        break;
                                    case "FinancialInstitutionBranch":
                                        c.OnceChild("ID", ref bic);

                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    case "PaymentMandate":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "ID":
                                        c.Once(ref mandate);
                                        break;
                                    case "PayerFinancialAccount":
                                        c.OnceChild("ID", ref debited);

                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        // BT-9 on a UBL 2.1 credit note lives in PaymentMeans/PaymentDueDate.
        s.DueDate ??= due;
        var p = s.Payment ?? new PaymentInstructions { MeansCode = code, MeansText = text, RemittanceInformation = paymentId, Location = location };
        if (account is not null || accountName is not null || bic is not null)
        {
            p = p with { CreditTransfers = EquatableArray<CreditTransfer>.Own([.. p.CreditTransfers, new CreditTransfer(account, accountName, bic)]) };
        }

        if (p.Card is null && (pan is not null || holder is not null))
        {
            p = p with { Card = new PaymentCard(pan, holder) };
        }

        if (p.DirectDebit is null && (mandate is not null || debited is not null))
        {
            p = p with { DirectDebit = new DirectDebit(mandate, null, debited) };
        }

        if (p.RemittanceInformation is null && paymentId is not null)
        {
            p = p with { RemittanceInformation = paymentId };
        }

        s.Payment = p;
    }

    private static void ReadPaymentTerms(XmlCursor c, State s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            if (c.LocalName == "Note")
            {
                var note = c.ReadText();
                s.PaymentTerms = s.PaymentTerms is null ? note : s.PaymentTerms + "\n" + note;
            }
            else
            {
                c.Skip();
            }
        }
    }

    private static AllowanceCharge ReadAllowanceCharge(XmlCursor c)
    {
        var location = c.Here();
        string? indicator = null, reason = null, reasonCode = null, category = null;
        Amount? amount = null, basis = null;
        Percentage? percent = null, rate = null;
        var scheme = default(TaxScheme);
        var indicatorElement = default(SourceLocation);
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ChargeIndicator":
                        if (!indicatorElement.IsKnown)
                        {
                            indicatorElement = c.Here();
                        }

                        c.Once(ref indicator);
                        break;
                    case "AllowanceChargeReasonCode":
                        c.Once(ref reasonCode);
                        break;
                    case "AllowanceChargeReason":
                        c.Once(ref reason);
                        break;
                    case "MultiplierFactorNumeric":
                        c.Once(ref percent);
                        break;
                    case "Amount":
                        c.Once(ref amount);
                        break;
                    case "BaseAmount":
                        c.Once(ref basis);
                        break;
                    case "TaxCategory":
                        ReadTaxCategory(c, ref category, ref rate, ref scheme, out _, out _);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new AllowanceCharge
        {
            IsCharge = indicator is "true" or "1",
            Amount = amount,
            BaseAmount = basis,
            Percentage = percent,
            VatCategory = category is null ? null : new VatCategoryCode(category),
            VatRate = rate,
            VatScheme = scheme,
            IndicatorElement = indicatorElement,
            Reason = reason,
            ReasonCode = reasonCode,
            Location = location,
        };
    }

    private static void ReadTaxCategory(XmlCursor c, ref string? category, ref Percentage? rate, ref TaxScheme scheme, out string? reasonCode, out string? reason)
    {
        reasonCode = null;
        reason = null;
        if (!scheme.Read)
        {
            scheme = new TaxScheme(null);
        }

        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "ID":
                    c.Once(ref category);
                    break;
                case "Percent":
                    c.Once(ref rate);
                    break;
                case "TaxExemptionReasonCode":
                    c.Once(ref reasonCode);
                    break;
                case "TaxExemptionReason":
                    c.Once(ref reason);
                    break;
                case "TaxScheme":
                    // The stylesheets test cac:TaxScheme[…='VAT'] existentially: a later scheme naming VAT wins.
                    var id = ReadTaxSchemeId(c);
                    if (scheme.Id is null || !IsVatScheme(scheme.Id))
                    {
                        scheme = new TaxScheme(id ?? scheme.Id);
                    }

                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static void ReadTaxTotal(XmlCursor c, State s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "TaxAmount":
                    // BT-110 in the invoice currency, BT-111 in the VAT accounting currency (BT-6).
                    var amount = c.ReadAmount();
                    if (s.VatTotal is null && (amount.CurrencyId is null || amount.CurrencyId == s.Currency || s.TaxCurrency is null || s.TaxCurrency == s.Currency))
                    {
                        s.VatTotal = amount;
                    }
                    else if (s.VatTotalAccounting is null)
                    {
                        s.VatTotalAccounting = amount;
                    }
                    else
                    {
                        s.VatTotal = amount;
                    }

                    break;
                case "TaxSubtotal":
                    (s.VatBreakdowns ??= []).Add(ReadTaxSubtotal(c));
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static VatBreakdown ReadTaxSubtotal(XmlCursor c)
    {
        var location = c.Here();
        Amount? taxable = null, tax = null;
        string? category = null, reason = null, reasonCode = null;
        Percentage? rate = null;
        var scheme = default(TaxScheme);
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "TaxableAmount":
                        c.Once(ref taxable);
                        break;
                    case "TaxAmount":
                        c.Once(ref tax);
                        break;
                    case "TaxCategory":
                        ReadTaxCategory(c, ref category, ref rate, ref scheme, out reasonCode, out reason);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new VatBreakdown
        {
            TaxableAmount = taxable,
            TaxAmount = tax,
            Category = category is null ? null : new VatCategoryCode(category),
            Rate = rate,
            Scheme = scheme,
            ExemptionReason = reason,
            ExemptionReasonCode = reasonCode,
            Location = location,
        };
    }

    private static DocumentTotals ReadTotals(XmlCursor c)
    {
        var location = c.Here();
        Amount? lineTotal = null, taxExclusive = null, taxInclusive = null, allowances = null, charges = null;
        Amount? prepaid = null, rounding = null, payable = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "LineExtensionAmount":
                        c.Once(ref lineTotal);
                        break;
                    case "TaxExclusiveAmount":
                        c.Once(ref taxExclusive);
                        break;
                    case "TaxInclusiveAmount":
                        c.Once(ref taxInclusive);
                        break;
                    case "AllowanceTotalAmount":
                        c.Once(ref allowances);
                        break;
                    case "ChargeTotalAmount":
                        c.Once(ref charges);
                        break;
                    case "PrepaidAmount":
                        c.Once(ref prepaid);
                        break;
                    case "PayableRoundingAmount":
                        c.Once(ref rounding);
                        break;
                    case "PayableAmount":
                        c.Once(ref payable);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new DocumentTotals
        {
            LineTotal = lineTotal,
            TaxExclusiveAmount = taxExclusive,
            TaxInclusiveAmount = taxInclusive,
            AllowanceTotal = allowances,
            ChargeTotal = charges,
            PrepaidAmount = prepaid,
            RoundingAmount = rounding,
            AmountDue = payable,
            Location = location,
        };
    }

    // normalize-space(upper-case(cbc:ID)) = 'VAT' (the text was trimmed when read).
    private static bool IsVatScheme(string id) => string.Equals(id, "VAT", StringComparison.OrdinalIgnoreCase);
}
