using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Cii;

internal static partial class CiiReader
{
    private static Party ReadParty(XmlCursor c)
    {
        var location = c.Here();
        string? name = null, description = null, tradingName = null, vat = null, taxRegistration = null;
        var vatScheme = default(TaxScheme);
        var electronicElement = default(SourceLocation);
        List<Identifier>? ids = null;
        Identifier? legal = null, electronic = null;
        Address? address = null;
        Contact? contact = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ID":
                    case "GlobalID":
                        (ids ??= []).Add(c.ReadIdentifier());
                        break;
                    case "Name":
                        c.Once(ref name);
                        break;
                    case "Description":
                        c.Once(ref description);
                        break;
                    case "SpecifiedLegalOrganization":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "ID":
                                        c.Once(ref legal);
                                        break;
                                    case "TradingBusinessName":
                                        c.Once(ref tradingName);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    case "DefinedTradeContact":
                        if (c.First(contact is not null))
                        {
                            contact = ReadContact(c);
                        }

                        break;
                    case "PostalTradeAddress":
                        if (c.First(address is not null))
                        {
                            address = ReadAddress(c);
                        }

                        break;
                    case "URIUniversalCommunication":
                        if (!electronicElement.IsKnown)
                        {
                            electronicElement = c.Here();
                        }

                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "URIID")
                                {
                                    c.Once(ref electronic);
                                }
                                else
                                {
                                    c.Skip();
                                }
                            }
                        }

                        break;
                    case "SpecifiedTaxRegistration":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "ID")
                                {
                                    var scheme = c.Attribute("schemeID");
                                    if (scheme == "FC")
                                    {
                                        c.Once(ref taxRegistration);
                                    }
                                    else if (vat is not null && scheme == "VA" && vatScheme.Id != "VA")
                                    {
                                        // An identifier without scheme (or another one) came first: the one the
                                        // stylesheets read as BT-31 (ram:ID[@schemeID='VA']) wins.
                                        var raw = c.ReadText();
                                        vatScheme = new TaxScheme(scheme, raw);
                                        vat = raw.Trim();
                                    }
                                    else
                                    {
                                        if (vat is null)
                                        {
                                            var raw = c.ReadText();
                                            vatScheme = new TaxScheme(scheme, raw);
                                            vat = raw.Trim();
                                        }
                                        else
                                        {
                                            c.Once(ref vat);
                                        }
                                    }
                                }
                                else
                                {
                                    c.Skip();
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

        return new Party
        {
            Name = name,
            TradingName = tradingName,
            Identifiers = EquatableArray<Identifier>.From(ids),
            LegalRegistrationId = legal,
            VatId = vat,
            VatIdScheme = vatScheme,
            TaxRegistrationId = taxRegistration,
            AdditionalLegalInformation = description,
            ElectronicAddress = electronic,
            ElectronicAddressElement = electronicElement,
            Address = address,
            Contact = contact,
            Location = location,
        };
    }

    private static Contact ReadContact(XmlCursor c)
    {
        var location = c.Here();
        string? person = null, department = null, phone = null, email = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "PersonName":
                        c.Once(ref person);
                        break;
                    case "DepartmentName":
                        c.Once(ref department);
                        break;
                    case "TelephoneUniversalCommunication":
                        phone ??= ReadChildText(c, "CompleteNumber");
                        break;
                    case "EmailURIUniversalCommunication":
                        email ??= ReadChildText(c, "URIID");
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        // BT-41 is PersonName, or DepartmentName when there is no person (CII mapping of EN 16931).
        return new Contact { Name = person ?? department, Telephone = phone, Email = email, Location = location };
    }

    private static string? ReadChildText(XmlCursor c, string child)
    {
        string? value = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                if (c.LocalName == child)
                {
                    c.Once(ref value);
                }
                else
                {
                    c.Skip();
                }
            }
        }

        return value;
    }

    private static Address ReadAddress(XmlCursor c)
    {
        var location = c.Here();
        string? postCode = null, line1 = null, line2 = null, line3 = null, city = null, country = null, subdivision = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "PostcodeCode":
                        c.Once(ref postCode);
                        break;
                    case "LineOne":
                        c.Once(ref line1);
                        break;
                    case "LineTwo":
                        c.Once(ref line2);
                        break;
                    case "LineThree":
                        c.Once(ref line3);
                        break;
                    case "CityName":
                        c.Once(ref city);
                        break;
                    case "CountryID":
                        c.Once(ref country);
                        break;
                    case "CountrySubDivisionName":
                        c.Once(ref subdivision);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Address
        {
            Line1 = line1,
            Line2 = line2,
            Line3 = line3,
            City = city,
            PostCode = postCode,
            CountrySubdivision = subdivision,
            CountryCode = country,
            Location = location,
        };
    }
}
