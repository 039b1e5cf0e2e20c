using Chorus.Invoicing.Model;
using Chorus.Invoicing.Xml;

namespace Chorus.Invoicing.Ubl;

internal static partial class UblReader
{
    // cac:AccountingSupplierParty / cac:AccountingCustomerParty hold one cac:Party.
    private static Party? ReadPartyWrapper(XmlCursor c, State s)
    {
        Party? party = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                if (c.LocalName == "Party" && c.First(party is not null))
                {
                    party = ReadParty(c, s, partyNameIsName: false);
                }
                else if (c.LocalName != "Party")
                {
                    c.Skip();
                }
            }
        }

        return party;
    }

    /// <summary>
    /// A <c>cac:Party</c> (or <c>PayeeParty</c>/<c>TaxRepresentativeParty</c>, where <c>PartyName/Name</c> is the
    /// party's name BT-59/BT-62 rather than a trading name).
    /// </summary>
    private static Party ReadParty(XmlCursor c, State s, bool partyNameIsName)
    {
        var location = c.Here();
        string? partyName = null, registrationName = null, vat = null, taxRegistration = null, legalForm = null;
        Identifier? electronic = null, legal = null;
        List<Identifier>? ids = null;
        Address? address = null;
        Contact? contact = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "EndpointID":
                        c.Once(ref electronic);
                        break;
                    case "PartyIdentification":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "ID")
                                {
                                    var id = c.ReadIdentifier();
                                    if (id.Scheme?.Value == "SEPA")
                                    {
                                        // BT-90 Bank assigned creditor identifier.
                                        s.CreditorId ??= id.Value;
                                    }
                                    else
                                    {
                                        (ids ??= []).Add(id);
                                    }
                                }
                                else
                                {
                                    c.Skip();
                                }
                            }
                        }

                        break;
                    case "PartyName":
                        c.OnceChild("Name", ref partyName);

                        break;
                    case "PostalAddress":
                        if (c.First(address is not null))
                        {
                            address = ReadAddress(c);
                        }

                        break;
                    case "PartyTaxScheme":
                        string? companyId = null, scheme = null;
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "CompanyID":
                                        c.Once(ref companyId);
                                        break;
                                    case "TaxScheme":
                                        scheme = ReadTaxSchemeId(c);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        // The stylesheets read the VAT identifier as PartyTaxScheme[cac:TaxScheme/normalize-space(upper-case(cbc:ID)) = 'VAT'].
                        if (scheme is not null && IsVatScheme(scheme))
                        {
                            vat ??= companyId;
                        }
                        else
                        {
                            taxRegistration ??= companyId;
                        }

                        break;
                    case "PartyLegalEntity":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "RegistrationName":
                                        c.Once(ref registrationName);
                                        break;
                                    case "CompanyID":
                                        c.Once(ref legal);
                                        break;
                                    case "CompanyLegalForm":
                                        c.Once(ref legalForm);
                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    case "Contact":
                        if (c.First(contact is not null))
                        {
                            contact = ReadContact(c);
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
            Name = partyNameIsName ? partyName ?? registrationName : registrationName,
            TradingName = partyNameIsName ? null : partyName,
            Identifiers = EquatableArray<Identifier>.From(ids),
            LegalRegistrationId = legal,
            VatId = vat,
            TaxRegistrationId = taxRegistration,
            AdditionalLegalInformation = legalForm,
            ElectronicAddress = electronic,
            Address = address,
            Contact = contact,
            Location = location,
        };
    }

    private static string? ReadTaxSchemeId(XmlCursor c)
    {
        string? id = null;
        c.OnceChild("ID", ref id);

        return id;
    }

    private static Contact ReadContact(XmlCursor c)
    {
        var location = c.Here();
        string? name = null, phone = null, email = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "Name":
                        c.Once(ref name);
                        break;
                    case "Telephone":
                        c.Once(ref phone);
                        break;
                    case "ElectronicMail":
                        c.Once(ref email);
                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Contact { Name = name, Telephone = phone, Email = email, Location = location };
    }

    private static Address ReadAddress(XmlCursor c)
    {
        var location = c.Here();
        string? street = null, additional = null, line3 = null, city = null, zone = null, subentity = null, country = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "StreetName":
                        c.Once(ref street);
                        break;
                    case "AdditionalStreetName":
                        c.Once(ref additional);
                        break;
                    case "CityName":
                        c.Once(ref city);
                        break;
                    case "PostalZone":
                        c.Once(ref zone);
                        break;
                    case "CountrySubentity":
                        c.Once(ref subentity);
                        break;
                    case "AddressLine":
                        c.OnceChild("Line", ref line3);

                        break;
                    case "Country":
                        c.OnceChild("IdentificationCode", ref country);

                        break;
                    default:
                        c.Skip();
                        break;
                }
            }
        }

        return new Address
        {
            Line1 = street,
            Line2 = additional,
            Line3 = line3,
            City = city,
            PostCode = zone,
            CountrySubdivision = subentity,
            CountryCode = country,
            Location = location,
        };
    }

    private static Delivery ReadDelivery(XmlCursor c)
    {
        var location = c.Here();
        DateValue? date = null;
        Identifier? locationId = null;
        Address? address = null;
        string? partyName = null;
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                switch (c.LocalName)
                {
                    case "ActualDeliveryDate":
                        c.OnceDate(ref date);
                        break;
                    case "DeliveryLocation":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                switch (c.LocalName)
                                {
                                    case "ID":
                                        c.Once(ref locationId);
                                        break;
                                    case "Address":
                                        if (c.First(address is not null))
                                        {
                                            address = ReadAddress(c);
                                        }

                                        break;
                                    default:
                                        c.Skip();
                                        break;
                                }
                            }
                        }

                        break;
                    case "DeliveryParty":
                        if (c.BeginChildren())
                        {
                            while (c.NextChild())
                            {
                                if (c.LocalName == "PartyName")
                                {
                                    c.OnceChild("Name", ref partyName);
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

        return new Delivery { PartyName = partyName, LocationId = locationId, ActualDeliveryDate = date, Address = address, Location = location };
    }
}
