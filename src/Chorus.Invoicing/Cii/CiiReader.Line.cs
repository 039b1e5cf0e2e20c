using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

internal static partial class CiiReader
{
    private sealed class LineState
    {
        public string? Id, Note, OrderLine, Accounting, Category;
        public Identifier? ObjectId;
        public Quantity? Quantity, BaseQuantity;
        public Amount? Net, NetPrice, GrossPrice, Discount;
        public Percentage? Rate;
        public TaxScheme Scheme;
        public Period? Period;
        public SourceLocation PriceLocation;
        public bool HasPrice;
        public List<AllowanceCharge>? AllowancesCharges;
        public Item? Item;
    }

    private static InvoiceLine ReadLine(XmlCursor c)
    {
        var location = c.Here();
        var s = new LineState();
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "AssociatedDocumentLineDocument":
                        ReadLineDocument(c, s);
                        break;
                    case "SpecifiedTradeProduct":
                        s.Item ??= ReadProduct(c);
                        break;
                    case "SpecifiedLineTradeAgreement":
                    case "SpecifiedSupplyChainTradeAgreement":
                        ReadLineAgreement(c, s);
                        break;
                    case "SpecifiedLineTradeDelivery":
                    case "SpecifiedSupplyChainTradeDelivery":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "BilledQuantity")
                                {
                                    c.Once(ref s.Quantity);
                                }
                                else
                                {
                                    c.Skip();
                                }
                            }
                        }

                        break;
                    case "SpecifiedLineTradeSettlement":
                    case "SpecifiedSupplyChainTradeSettlement":
                        ReadLineSettlement(c, s);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new InvoiceLine
        {
            Id = s.Id,
            Note = s.Note,
            ObjectIdentifier = s.ObjectId,
            Quantity = s.Quantity,
            NetAmount = s.Net,
            OrderLineReference = s.OrderLine,
            BuyerAccountingReference = s.Accounting,
            Period = s.Period,
            AllowancesCharges = EquatableArray<AllowanceCharge>.From(s.AllowancesCharges),
            Price = s.HasPrice
                ? new Price { NetPrice = s.NetPrice, GrossPrice = s.GrossPrice, Discount = s.Discount, BaseQuantity = s.BaseQuantity, Location = s.PriceLocation }
                : null,
            VatCategory = s.Category is null ? null : new VatCategoryCode(s.Category),
            VatRate = s.Rate,
            VatScheme = s.Scheme,
            Item = s.Item,
            Location = location,
        };
    }

    private static void ReadLineDocument(XmlCursor c, LineState s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "LineID":
                    c.Once(ref s.Id);
                    break;
                case "IncludedNote":
                    var note = ReadNote(c);
                    s.Note ??= note.Text;
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static Item ReadProduct(XmlCursor c)
    {
        string? name = null, description = null, sellerId = null, buyerId = null, origin = null;
        Identifier? standard = null;
        List<Identifier>? classes = null;
        List<ItemAttribute>? attributes = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "GlobalID":
                        c.Once(ref standard);
                        break;
                    case "SellerAssignedID":
                        c.Once(ref sellerId);
                        break;
                    case "BuyerAssignedID":
                        c.Once(ref buyerId);
                        break;
                    case "Name":
                        c.Once(ref name);
                        break;
                    case "Description":
                        c.Once(ref description);
                        break;
                    case "ApplicableProductCharacteristic":
                        string? attrName = null, attrValue = null;
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "Description":
                                        c.Once(ref attrName);
                                        break;
                                    case "Value":
                                        c.Once(ref attrValue);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        (attributes ??= []).Add(new ItemAttribute(attrName, attrValue));
                        break;
                    case "DesignatedProductClassification":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "ClassCode")
                                {
                                    (classes ??= []).Add(c.ReadIdentifier("listID", "listVersionID"));
                                }
                                else
                                {
                                    c.Skip();
                                }
                            }
                        }

                        break;
                    case "OriginTradeCountry":
                        origin ??= ReadChildText(c, "ID");
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Item
        {
            Name = name,
            Description = description,
            SellerId = sellerId,
            BuyerId = buyerId,
            StandardId = standard,
            Classifications = EquatableArray<Identifier>.From(classes),
            OriginCountry = origin,
            Attributes = EquatableArray<ItemAttribute>.From(attributes),
        };
    }

    private static void ReadLineAgreement(XmlCursor c, LineState s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "BuyerOrderReferencedDocument":
                    c.OnceChild("LineID", ref s.OrderLine);

                    break;
                case "GrossPriceProductTradePrice":
                case "NetPriceProductTradePrice":
                    ReadTradePrice(c, s, gross: c.LocalName == "GrossPriceProductTradePrice");
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static void ReadTradePrice(XmlCursor c, LineState s, bool gross)
    {
        if (!s.HasPrice)
        {
            s.PriceLocation = c.Here();
            s.HasPrice = true;
        }

        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "ChargeAmount":
                    if (gross)
                    {
                        c.Once(ref s.GrossPrice);
                    }
                    else
                    {
                        c.Once(ref s.NetPrice);
                    }

                    break;
                case "BasisQuantity":
                    // BT-149: the net price's base quantity; the gross price's one must be the same when present.
                    if (gross && s.BaseQuantity is not null)
                    {
                        c.Skip();
                    }
                    else
                    {
                        var q = c.ReadQuantity();
                        if (!gross || s.BaseQuantity is null)
                        {
                            s.BaseQuantity = q;
                        }
                    }

                    break;
                case "AppliedTradeAllowanceCharge":
                    var ac = ReadAllowanceCharge(c);
                    if (!ac.IsCharge)
                    {
                        s.Discount ??= ac.Amount;
                    }

                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }

    private static void ReadLineSettlement(XmlCursor c, LineState s)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            switch (c.LocalName)
            {
                case "ApplicableTradeTax":
                    var tax = ReadTradeTax(c, null);
                    if (!s.Scheme.Read)
                    {
                        s.Scheme = tax.Scheme;
                    }

                    s.Category ??= tax.Category?.Value;
                    s.Rate ??= tax.Rate;
                    break;
                case "BillingSpecifiedPeriod":
                    s.Period ??= ReadPeriod(c);
                    break;
                case "SpecifiedTradeAllowanceCharge":
                    (s.AllowancesCharges ??= []).Add(ReadAllowanceCharge(c));
                    break;
                case "SpecifiedTradeSettlementLineMonetarySummation":
                case "SpecifiedTradeSettlementMonetarySummation":
                    if (c.BeginChildren())
                    {
                        while (c.NextChild())
                        {
                            if (c.LocalName == "LineTotalAmount")
                            {
                                c.Once(ref s.Net);
                            }
                            else
                            {
                                c.Skip();
                            }
                        }
                    }

                    break;
                case "AdditionalReferencedDocument":
                    // BT-128 (TypeCode 130) with its scheme in ReferenceTypeCode.
                    string? id = null, scheme = null;
                    var idLocation = default(SourceLocation);
                    if (c.BeginChildren())
                    {
                        while (c.NextChild())
                        {
                            switch (c.LocalName)
                            {
                                case "IssuerAssignedID":
                                    idLocation = c.Here();
                                    c.Once(ref id);
                                    break;
                                case "ReferenceTypeCode":
                                    c.Once(ref scheme);
                                    break;
                                default:
                                    c.Skip();
                                    break;
                            }
                        }
                    }

                    s.ObjectId ??= new Identifier(id ?? string.Empty, scheme is null ? null : new IdentifierScheme(scheme)) { Location = idLocation };
                    break;
                case "ReceivableSpecifiedTradeAccountingAccount":
                    s.Accounting ??= ReadChildText(c, "ID");
                    break;
                default:
                    c.Skip();
                    break;
            }
        }
    }
}
