using System.Globalization;
using System.Xml;
using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

/// <summary>
/// Writes the model as UN/CEFACT CII D16B (<c>rsm:CrossIndustryInvoice</c>) in the element order of the D16B schema,
/// with the conventional prefixes rsm, ram, udt, qdt. Values are written as they are held (amount text kept).
/// </summary>
internal static partial class CiiWriter
{
    internal const string Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    internal const string Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    internal const string Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    public static void Write(Invoice invoice, XmlWriter writer)
    {
        var rsm = new XmlOut(writer, "rsm", InvoiceXml.CiiNs);
        var o = rsm.With("ram", Ram);
        writer.WriteStartDocument();
        rsm.Start("CrossIndustryInvoice");
        writer.WriteAttributeString("xmlns", "rsm", null, InvoiceXml.CiiNs);
        writer.WriteAttributeString("xmlns", "qdt", null, Qdt);
        writer.WriteAttributeString("xmlns", "ram", null, Ram);
        writer.WriteAttributeString("xmlns", "udt", null, Udt);

        rsm.Start("ExchangedDocumentContext");
        if (invoice.BusinessProcessType is not null)
        {
            o.Start("BusinessProcessSpecifiedDocumentContextParameter");
            o.Text("ID", invoice.BusinessProcessType);
            o.End();
        }

        if (invoice.SpecificationIdentifier is not null)
        {
            o.Start("GuidelineSpecifiedDocumentContextParameter");
            o.Text("ID", invoice.SpecificationIdentifier);
            o.End();
        }

        rsm.End();

        rsm.Start("ExchangedDocument");
        o.Text("ID", invoice.Number);
        o.Text("TypeCode", invoice.TypeCode?.Value);
        WriteDate(o, "IssueDateTime", invoice.IssueDate);
        foreach (var note in invoice.Notes)
        {
            o.Start("IncludedNote");
            o.Text("Content", note.Text);
            o.Text("SubjectCode", note.SubjectCode);
            o.End();
        }

        rsm.End();

        rsm.Start("SupplyChainTradeTransaction");
        foreach (var line in invoice.Lines)
        {
            WriteLine(o, line);
        }

        WriteAgreement(o, invoice);
        WriteDelivery(o, invoice);
        WriteSettlement(o, invoice);
        rsm.End();
        rsm.End();
        writer.WriteEndDocument();
    }

    /// <summary><c>&lt;X&gt;&lt;udt:DateTimeString format="102"&gt;yyyyMMdd&lt;/…&gt;&lt;/X&gt;</c>.</summary>
    internal static void WriteDate(XmlOut o, string container, DateValue? date, string inner = "DateTimeString", string innerNs = Udt, string innerPrefix = "udt")
    {
        if (date is not { } d)
        {
            return;
        }

        o.Start(container);
        var w = o.Writer;
        w.WriteStartElement(innerPrefix, inner, innerNs);
        w.WriteAttributeString("format", d.Value is null ? d.Format ?? "102" : "102");
        w.WriteString(d.Value?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? d.Text);
        w.WriteEndElement();
        o.End();
    }

    private static void WriteIndicator(XmlOut o, bool value)
    {
        o.Start("ChargeIndicator");
        o.Writer.WriteElementString("udt", "Indicator", Udt, value ? "true" : "false");
        o.End();
    }

    private static void WriteReferencedDocument(XmlOut o, string name, string? id)
    {
        if (id is null)
        {
            return;
        }

        o.Start(name);
        o.Text("IssuerAssignedID", id);
        o.End();
    }

    private static void WriteAgreement(XmlOut o, Invoice invoice)
    {
        o.Start("ApplicableHeaderTradeAgreement");
        o.Text("BuyerReference", invoice.BuyerReference);
        WriteParty(o, "SellerTradeParty", invoice.Seller ?? new Party());
        WriteParty(o, "BuyerTradeParty", invoice.Buyer ?? new Party());
        if (invoice.SellerTaxRepresentative is { } rep)
        {
            WriteParty(o, "SellerTaxRepresentativeTradeParty", rep);
        }

        WriteReferencedDocument(o, "SellerOrderReferencedDocument", invoice.SalesOrderReference);
        WriteReferencedDocument(o, "BuyerOrderReferencedDocument", invoice.PurchaseOrderReference);
        WriteReferencedDocument(o, "ContractReferencedDocument", invoice.ContractReference);
        foreach (var doc in invoice.SupportingDocuments)
        {
            o.Start("AdditionalReferencedDocument");
            o.Text("IssuerAssignedID", doc.Reference ?? string.Empty);
            o.Text("URIID", doc.ExternalLocation);
            o.Text("TypeCode", "916");
            o.Text("Name", doc.Description);
            if (doc.Attachment is { } a)
            {
                o.Start("AttachmentBinaryObject");
                o.Writer.WriteAttributeString("mimeCode", a.MimeCode ?? "application/octet-stream");
                if (a.FileName is not null)
                {
                    o.Writer.WriteAttributeString("filename", a.FileName);
                }

                WriteBase64(o.Writer, a);
                o.End();
            }

            o.End();
        }

        if (invoice.TenderOrLotReference is not null)
        {
            o.Start("AdditionalReferencedDocument");
            o.Text("IssuerAssignedID", invoice.TenderOrLotReference);
            o.Text("TypeCode", "50");
            o.End();
        }

        if (invoice.InvoicedObjectIdentifier is { } obj)
        {
            o.Start("AdditionalReferencedDocument");
            o.Text("IssuerAssignedID", obj.Value);
            o.Text("TypeCode", "130");
            o.Text("ReferenceTypeCode", obj.Scheme?.Value);
            o.End();
        }

        if (invoice.ProjectReference is not null)
        {
            o.Start("SpecifiedProcuringProject");
            o.Text("ID", invoice.ProjectReference);
            o.Text("Name", "Project reference");
            o.End();
        }

        o.End();
    }

    internal static void WriteBase64(XmlWriter w, BinaryObject a)
    {
        var content = a.Content;
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null)
        {
            w.WriteBase64(segment.Array, segment.Offset, segment.Count);
        }
        else
        {
            var copy = content.ToArray();
            w.WriteBase64(copy, 0, copy.Length);
        }
    }

    private static void WriteParty(XmlOut o, string element, Party p)
    {
        o.Start(element);
        foreach (var id in p.Identifiers)
        {
            if (id.Scheme is null)
            {
                o.Text("ID", id.Value);
            }
        }

        foreach (var id in p.Identifiers)
        {
            if (id.Scheme is not null)
            {
                o.Id("GlobalID", id);
            }
        }

        o.Text("Name", p.Name);
        o.Text("Description", p.AdditionalLegalInformation);
        if (p.LegalRegistrationId is not null || p.TradingName is not null)
        {
            o.Start("SpecifiedLegalOrganization");
            o.Id("ID", p.LegalRegistrationId);
            o.Text("TradingBusinessName", p.TradingName);
            o.End();
        }

        if (p.Contact is { } contact)
        {
            o.Start("DefinedTradeContact");
            o.Text("PersonName", contact.Name);
            if (contact.Telephone is not null)
            {
                o.Start("TelephoneUniversalCommunication");
                o.Text("CompleteNumber", contact.Telephone);
                o.End();
            }

            if (contact.Email is not null)
            {
                o.Start("EmailURIUniversalCommunication");
                o.Text("URIID", contact.Email);
                o.End();
            }

            o.End();
        }

        WriteAddress(o, p.Address);
        if (p.ElectronicAddress is { } endpoint)
        {
            o.Start("URIUniversalCommunication");
            o.Id("URIID", endpoint);
            o.End();
        }

        if (p.VatId is not null)
        {
            o.Start("SpecifiedTaxRegistration");
            o.TextWithAttribute("ID", p.VatId, "schemeID", "VA");
            o.End();
        }

        if (p.TaxRegistrationId is not null)
        {
            o.Start("SpecifiedTaxRegistration");
            o.TextWithAttribute("ID", p.TaxRegistrationId, "schemeID", "FC");
            o.End();
        }

        o.End();
    }

    private static void WriteAddress(XmlOut o, Address? a)
    {
        if (a is null)
        {
            return;
        }

        o.Start("PostalTradeAddress");
        o.Text("PostcodeCode", a.PostCode);
        o.Text("LineOne", a.Line1);
        o.Text("LineTwo", a.Line2);
        o.Text("LineThree", a.Line3);
        o.Text("CityName", a.City);
        o.Text("CountryID", a.CountryCode);
        o.Text("CountrySubDivisionName", a.CountrySubdivision);
        o.End();
    }

    private static void WriteDelivery(XmlOut o, Invoice invoice)
    {
        o.Start("ApplicableHeaderTradeDelivery");
        if (invoice.Delivery is { } d)
        {
            if (d.PartyName is not null || d.LocationId is not null || d.Address is not null)
            {
                WriteParty(o, "ShipToTradeParty", new Party
                {
                    Name = d.PartyName,
                    Identifiers = d.LocationId is null ? default : [d.LocationId],
                    Address = d.Address,
                });
            }

            if (d.ActualDeliveryDate is not null)
            {
                o.Start("ActualDeliverySupplyChainEvent");
                WriteDate(o, "OccurrenceDateTime", d.ActualDeliveryDate);
                o.End();
            }
        }

        WriteReferencedDocument(o, "DespatchAdviceReferencedDocument", invoice.DespatchAdviceReference);
        WriteReferencedDocument(o, "ReceivingAdviceReferencedDocument", invoice.ReceivingAdviceReference);
        o.End();
    }
}
