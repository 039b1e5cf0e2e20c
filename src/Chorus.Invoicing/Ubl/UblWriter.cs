using System.Xml;
using Chorus.Invoicing.Cii;
using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

/// <summary>
/// Writes the model as UBL 2.1 <c>Invoice</c> or, for <see cref="InvoiceDocumentType.CreditNote"/>, <c>CreditNote</c>,
/// in the element order of the UBL 2.1 schemas, with the conventional cac/cbc prefixes. Every amount carries a
/// <c>currencyID</c> (its own, or BT-5). Conventions mirrored from <see cref="UblReader"/>: BT-21 as a <c>#code#</c>
/// note prefix, BT-90 as a <c>SEPA</c> party identifier, BT-18 as a document reference with type code 130.
/// </summary>
internal static partial class UblWriter
{
    internal const string Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    internal const string Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    public static void Write(Invoice invoice, XmlWriter writer)
    {
        var creditNote = invoice.DocumentType == InvoiceDocumentType.CreditNote;
        var rootNs = creditNote ? InvoiceXml.UblCreditNoteNs : InvoiceXml.UblInvoiceNs;
        var cbc = new XmlOut(writer, "cbc", Cbc);
        var cac = cbc.With("cac", Cac);
        var cur = invoice.CurrencyCode?.Value;
        writer.WriteStartDocument();
        writer.WriteStartElement(creditNote ? "CreditNote" : "Invoice", rootNs);
        writer.WriteAttributeString("xmlns", "cac", null, Cac);
        writer.WriteAttributeString("xmlns", "cbc", null, Cbc);

        cbc.Text("CustomizationID", invoice.SpecificationIdentifier);
        cbc.Text("ProfileID", invoice.BusinessProcessType);
        cbc.Text("ID", invoice.Number ?? string.Empty);
        cbc.IsoDate("IssueDate", invoice.IssueDate);
        if (creditNote)
        {
            cbc.IsoDate("TaxPointDate", invoice.VatPointDate);
            cbc.Text("CreditNoteTypeCode", invoice.TypeCode?.Value);
            WriteNotes(cbc, invoice);
        }
        else
        {
            cbc.IsoDate("DueDate", invoice.DueDate);
            cbc.Text("InvoiceTypeCode", invoice.TypeCode?.Value);
            WriteNotes(cbc, invoice);
            cbc.IsoDate("TaxPointDate", invoice.VatPointDate);
        }

        cbc.Text("DocumentCurrencyCode", cur);
        cbc.Text("TaxCurrencyCode", invoice.VatAccountingCurrencyCode?.Value);
        cbc.Text("AccountingCost", invoice.BuyerAccountingReference);
        cbc.Text("BuyerReference", invoice.BuyerReference);
        WritePeriod(cac, cbc, invoice.InvoicingPeriod, invoice.VatPointDateCode);
        if (invoice.PurchaseOrderReference is not null || invoice.SalesOrderReference is not null)
        {
            cac.Start("OrderReference");
            cbc.Text("ID", invoice.PurchaseOrderReference ?? "NA");
            cbc.Text("SalesOrderID", invoice.SalesOrderReference);
            cac.End();
        }

        foreach (var p in invoice.PrecedingInvoices)
        {
            cac.Start("BillingReference");
            cac.Start("InvoiceDocumentReference");
            cbc.Text("ID", p.Number ?? string.Empty);
            cbc.IsoDate("IssueDate", p.IssueDate);
            cac.End();
            cac.End();
        }

        WriteDocumentId(cac, cbc, "DespatchDocumentReference", invoice.DespatchAdviceReference);
        WriteDocumentId(cac, cbc, "ReceiptDocumentReference", invoice.ReceivingAdviceReference);
        if (!creditNote)
        {
            WriteDocumentId(cac, cbc, "OriginatorDocumentReference", invoice.TenderOrLotReference);
        }

        WriteDocumentId(cac, cbc, "ContractDocumentReference", invoice.ContractReference);
        WriteAdditionalDocuments(cac, cbc, invoice, creditNote);
        if (creditNote)
        {
            WriteDocumentId(cac, cbc, "OriginatorDocumentReference", invoice.TenderOrLotReference);
        }
        else
        {
            WriteDocumentId(cac, cbc, "ProjectReference", invoice.ProjectReference);
        }

        var creditorId = invoice.PaymentInstructions?.DirectDebit?.CreditorId;
        cac.Start("AccountingSupplierParty");
        WriteParty(cac, cbc, "Party", invoice.Seller ?? new Party(), invoice.Payee is null ? creditorId : null);
        cac.End();
        cac.Start("AccountingCustomerParty");
        WriteParty(cac, cbc, "Party", invoice.Buyer ?? new Party(), null);
        cac.End();
        if (invoice.Payee is { } payee)
        {
            WriteNamedParty(cac, cbc, "PayeeParty", payee, creditorId);
        }

        if (invoice.SellerTaxRepresentative is { } rep)
        {
            WriteNamedParty(cac, cbc, "TaxRepresentativeParty", rep, null);
        }

        WriteDelivery(cac, cbc, invoice.Delivery);
        WritePaymentMeans(cac, cbc, invoice, creditNote);
        if (invoice.PaymentTerms is not null)
        {
            cac.Start("PaymentTerms");
            cbc.Text("Note", invoice.PaymentTerms);
            cac.End();
        }

        foreach (var ac in invoice.AllowancesCharges)
        {
            WriteAllowanceCharge(cac, cbc, ac, cur, withTax: true);
        }

        WriteTaxTotals(cac, cbc, invoice, cur);
        WriteTotals(cac, cbc, invoice.Totals ?? new DocumentTotals(), cur);
        foreach (var line in invoice.Lines)
        {
            WriteLine(cac, cbc, line, creditNote, cur);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteNotes(XmlOut cbc, Invoice invoice)
    {
        foreach (var note in invoice.Notes)
        {
            cbc.Text("Note", note.SubjectCode is null ? note.Text ?? string.Empty : $"#{note.SubjectCode}#{note.Text}");
        }
    }

    private static void WritePeriod(XmlOut cac, XmlOut cbc, Period? period, string? descriptionCode)
    {
        if (period is null && descriptionCode is null)
        {
            return;
        }

        cac.Start("InvoicePeriod");
        cbc.IsoDate("StartDate", period?.Start);
        cbc.IsoDate("EndDate", period?.End);
        cbc.Text("DescriptionCode", descriptionCode);
        cac.End();
    }

    private static void WriteDocumentId(XmlOut cac, XmlOut cbc, string element, string? id)
    {
        if (id is null)
        {
            return;
        }

        cac.Start(element);
        cbc.Text("ID", id);
        cac.End();
    }

    private static void WriteAdditionalDocuments(XmlOut cac, XmlOut cbc, Invoice invoice, bool creditNote)
    {
        if (invoice.InvoicedObjectIdentifier is { } obj)
        {
            cac.Start("AdditionalDocumentReference");
            cbc.Id("ID", obj);
            cbc.Text("DocumentTypeCode", "130");
            cac.End();
        }

        if (creditNote && invoice.ProjectReference is not null)
        {
            cac.Start("AdditionalDocumentReference");
            cbc.Text("ID", invoice.ProjectReference);
            cbc.Text("DocumentTypeCode", "50");
            cac.End();
        }

        foreach (var doc in invoice.SupportingDocuments)
        {
            cac.Start("AdditionalDocumentReference");
            cbc.Text("ID", doc.Reference ?? string.Empty);
            cbc.Text("DocumentDescription", doc.Description);
            if (doc.Attachment is not null || doc.ExternalLocation is not null)
            {
                cac.Start("Attachment");
                if (doc.Attachment is { } a)
                {
                    cbc.Start("EmbeddedDocumentBinaryObject");
                    cbc.Writer.WriteAttributeString("mimeCode", a.MimeCode ?? "application/octet-stream");
                    if (a.FileName is not null)
                    {
                        cbc.Writer.WriteAttributeString("filename", a.FileName);
                    }

                    CiiWriter.WriteBase64(cbc.Writer, a);
                    cbc.End();
                }

                if (doc.ExternalLocation is not null)
                {
                    cac.Start("ExternalReference");
                    cbc.Text("URI", doc.ExternalLocation);
                    cac.End();
                }

                cac.End();
            }

            cac.End();
        }
    }
}
