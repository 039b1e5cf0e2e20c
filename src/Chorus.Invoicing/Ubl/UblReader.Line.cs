using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

internal static partial class UblReader
{
    private static InvoiceLine ReadLine(XmlCursor c)
    {
        var location = c.Here();
        string? id = null, note = null, accounting = null, orderLine = null, unusedCode = null;
        Quantity? quantity = null;
        Amount? net = null;
        Period? period = null;
        Identifier? objectId = null;
        List<AllowanceCharge>? allowancesCharges = null;
        Price? price = null;
        Item? item = null;
        VatCategoryCode? category = null;
        Percentage? rate = null;
        var scheme = default(TaxScheme);
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ID":
                        c.Once(ref id);
                        break;
                    case "Note":
                        c.Once(ref note);
                        break;
                    case "InvoicedQuantity":
                    case "CreditedQuantity":
                        c.Once(ref quantity);
                        break;
                    case "LineExtensionAmount":
                        c.Once(ref net);
                        break;
                    case "AccountingCost":
                        c.Once(ref accounting);
                        break;
                    case "InvoicePeriod":
                        if (c.First(period is not null))
                        {
                            period = ReadPeriod(c, ref unusedCode);
                        }

                        break;
                    case "OrderLineReference":
                        c.OnceChild("LineID", ref orderLine);

                        break;
                    case "DocumentReference":
                        // BT-128 Invoice line object identifier (DocumentTypeCode 130).
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "ID")
                                {
                                    c.Once(ref objectId);
                                }
                                else
                                {
                                    c.Skip();
                                }
                            }
                        }

                        break;
                    case "AllowanceCharge":
                        (allowancesCharges ??= []).Add(ReadAllowanceCharge(c));
                        break;
                    case "Item":
                        if (c.First(item is not null))
                        {
                            item = ReadItem(c, out category, out rate, out scheme);
                        }

                        break;
                    case "Price":
                        if (c.First(price is not null))
                        {
                            price = ReadPrice(c);
                        }

                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new InvoiceLine
        {
            Id = id,
            Note = note,
            ObjectIdentifier = objectId,
            Quantity = quantity,
            NetAmount = net,
            OrderLineReference = orderLine,
            BuyerAccountingReference = accounting,
            Period = period,
            AllowancesCharges = EquatableArray<AllowanceCharge>.From(allowancesCharges),
            Price = price,
            VatCategory = category,
            VatRate = rate,
            VatScheme = scheme,
            Item = item,
            Location = location,
        };
    }

    private static Item ReadItem(XmlCursor c, out VatCategoryCode? category, out Percentage? rate, out TaxScheme scheme)
    {
        scheme = default;
        string? description = null, name = null, buyerId = null, sellerId = null, origin = null, categoryCode = null;
        Identifier? standard = null;
        List<Identifier>? classes = null;
        List<ItemAttribute>? attributes = null;
        rate = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "Description":
                        c.Once(ref description);
                        break;
                    case "Name":
                        c.Once(ref name);
                        break;
                    case "BuyersItemIdentification":
                        buyerId ??= ReadIdOf(c);
                        break;
                    case "SellersItemIdentification":
                        sellerId ??= ReadIdOf(c);
                        break;
                    case "StandardItemIdentification":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "ID")
                                {
                                    c.Once(ref standard);
                                }
                                else
                                {
                                    c.Skip();
                                }
                            }
                        }

                        break;
                    case "OriginCountry":
                        c.OnceChild("IdentificationCode", ref origin);

                        break;
                    case "CommodityClassification":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "ItemClassificationCode")
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
                    case "ClassifiedTaxCategory":
                        ReadTaxCategory(c, ref categoryCode, ref rate, ref scheme, out _, out _);
                        break;
                    case "AdditionalItemProperty":
                        string? attrName = null, attrValue = null;
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "Name":
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
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        category = categoryCode is null ? null : new VatCategoryCode(categoryCode);
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

    private static string? ReadIdOf(XmlCursor c)
    {
        string? id = null;
        c.OnceChild("ID", ref id);

        return id;
    }

    private static Price ReadPrice(XmlCursor c)
    {
        var location = c.Here();
        Amount? net = null, discount = null, gross = null;
        Quantity? baseQuantity = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "PriceAmount":
                        c.Once(ref net);
                        break;
                    case "BaseQuantity":
                        c.Once(ref baseQuantity);
                        break;
                    case "AllowanceCharge":
                        var ac = ReadAllowanceCharge(c);
                        discount ??= ac.Amount;
                        gross ??= ac.BaseAmount;
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Price { NetPrice = net, Discount = discount, GrossPrice = gross, BaseQuantity = baseQuantity, Location = location };
    }
}
