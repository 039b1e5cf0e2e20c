using System.Globalization;
using System.Xml;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Xml;

/// <summary>Small writing helpers over <see cref="XmlWriter"/>: optional elements, amounts, identifiers.</summary>
internal readonly struct XmlOut(XmlWriter writer, string prefix, string ns)
{
    public XmlWriter Writer { get; } = writer;

    public XmlOut With(string otherPrefix, string otherNs) => new(Writer, otherPrefix, otherNs);

    public void Start(string name) => Writer.WriteStartElement(prefix, name, ns);

    public void End() => Writer.WriteEndElement();

    public void Text(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Writer.WriteStartElement(prefix, name, ns);
        Writer.WriteString(value);
        Writer.WriteEndElement();
    }

    public void TextWithAttribute(string name, string? value, string attribute, string? attributeValue)
    {
        if (value is null)
        {
            return;
        }

        Writer.WriteStartElement(prefix, name, ns);
        if (attributeValue is not null)
        {
            Writer.WriteAttributeString(attribute, attributeValue);
        }

        Writer.WriteString(value);
        Writer.WriteEndElement();
    }

    public void Id(string name, Identifier? id, string schemeAttribute = "schemeID")
    {
        if (id is null)
        {
            return;
        }

        Writer.WriteStartElement(prefix, name, ns);
        if (id.Scheme is { } scheme)
        {
            Writer.WriteAttributeString(schemeAttribute, scheme.Value);
        }

        if (id.SchemeVersion is not null)
        {
            Writer.WriteAttributeString(schemeAttribute == "listID" ? "listVersionID" : "schemeVersionID", id.SchemeVersion);
        }

        Writer.WriteString(id.Value);
        Writer.WriteEndElement();
    }

    /// <summary>An amount with its text as read (decimals kept) and <c>currencyID</c> when given.</summary>
    public void Amount(string name, Amount? amount, string? currency)
    {
        if (amount is not { } a)
        {
            return;
        }

        Writer.WriteStartElement(prefix, name, ns);
        if ((a.CurrencyId ?? currency) is { } c)
        {
            Writer.WriteAttributeString("currencyID", c);
        }

        Writer.WriteString(a.Text);
        Writer.WriteEndElement();
    }

    public void Quantity(string name, Quantity? quantity)
    {
        if (quantity is not { } q)
        {
            return;
        }

        Writer.WriteStartElement(prefix, name, ns);
        if (q.UnitCode is { } unit)
        {
            Writer.WriteAttributeString("unitCode", unit.Value);
        }

        Writer.WriteString(q.Text);
        Writer.WriteEndElement();
    }

    public void Percent(string name, Percentage? percentage)
    {
        if (percentage is { } p)
        {
            Text(name, p.Text);
        }
    }

    /// <summary>UBL <c>xs:date</c>: <c>yyyy-MM-dd</c> when the date parses, else the text as read.</summary>
    public void IsoDate(string name, DateValue? date)
    {
        if (date is { } d)
        {
            Text(name, d.Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? d.Text);
        }
    }
}
