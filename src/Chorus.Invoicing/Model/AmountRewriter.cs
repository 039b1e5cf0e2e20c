
namespace Chorus.Invoicing.Model;

/// <summary>Applies a function to every amount of an invoice (e.g. to set or strip <c>currencyID</c>).</summary>
internal static class AmountRewriter
{
    public static Invoice Rewrite(Invoice invoice, Func<Amount, Amount> f)
    {
        Amount? F(Amount? a) => a is { } v ? f(v) : null;
        AllowanceCharge Ac(AllowanceCharge ac) => ac with { Amount = F(ac.Amount), BaseAmount = F(ac.BaseAmount) };

        var totals = invoice.Totals;
        return invoice with
        {
            AllowancesCharges = invoice.AllowancesCharges.Select(Ac).ToEquatableArray(),
            Totals = totals is null ? null : totals with
            {
                LineTotal = F(totals.LineTotal),
                AllowanceTotal = F(totals.AllowanceTotal),
                ChargeTotal = F(totals.ChargeTotal),
                TaxExclusiveAmount = F(totals.TaxExclusiveAmount),
                VatTotal = totals.VatTotal is { } vat ? (f(vat).CurrencyId is null ? vat.WithCurrency(vat.CurrencyId ?? invoice.CurrencyCode?.Value) : f(vat)) : null,
                VatTotalInAccountingCurrency = totals.VatTotalInAccountingCurrency,
                TaxInclusiveAmount = F(totals.TaxInclusiveAmount),
                PrepaidAmount = F(totals.PrepaidAmount),
                RoundingAmount = F(totals.RoundingAmount),
                AmountDue = F(totals.AmountDue),
            },
            VatBreakdowns = invoice.VatBreakdowns.Select(b => b with { TaxableAmount = F(b.TaxableAmount), TaxAmount = F(b.TaxAmount) }).ToEquatableArray(),
            Lines = invoice.Lines.Select(l => l with
            {
                NetAmount = F(l.NetAmount),
                AllowancesCharges = l.AllowancesCharges.Select(Ac).ToEquatableArray(),
                Price = l.Price is null ? null : l.Price with { NetPrice = F(l.Price.NetPrice), Discount = F(l.Price.Discount), GrossPrice = F(l.Price.GrossPrice) },
            }).ToEquatableArray(),
        };
    }
}
