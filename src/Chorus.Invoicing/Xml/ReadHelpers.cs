using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Xml;

/// <summary>Value readers shared by the UBL and CII readers: amounts, quantities, percentages, identifiers, once-only fields.</summary>
internal static class ReadHelpers
{
    /// <summary>
    /// Reads the child <paramref name="localName"/> of the current element into <paramref name="field"/> (once) and skips
    /// every other child: the shape of the many single-value wrappers of both syntaxes (an account's ID, a branch's ID…).
    /// </summary>
    public static void OnceChild(this XmlCursor c, string localName, ref string? field)
    {
        if (!c.BeginChildren())
        {
            return;
        }

        while (c.NextChild())
        {
            if (c.LocalName == localName)
            {
                c.Once(ref field);
            }
            else
            {
                c.Skip();
            }
        }
    }

    /// <summary>Reads the text into <paramref name="field"/>, or records a repetition and skips when it is already set.</summary>
    public static void Once(this XmlCursor c, ref string? field)
    {
        if (field is not null)
        {
            c.NoteRepeated();
            c.Skip();
            return;
        }

        field = c.ReadText().Trim();
    }

    /// <summary>Records a repetition and skips when <paramref name="isSet"/>; else returns true so the caller reads.</summary>
    public static bool First(this XmlCursor c, bool isSet)
    {
        if (!isSet)
        {
            return true;
        }

        c.NoteRepeated();
        c.Skip();
        return false;
    }

    public static Amount ReadAmount(this XmlCursor c)
    {
        var currency = c.Attribute("currencyID");
        var location = c.Here();
        var text = c.ReadText().Trim();
        return new Amount(text, DecimalText.Parse(text), currency, location);
    }

    public static void Once(this XmlCursor c, ref Amount? field)
    {
        if (c.First(field.HasValue))
        {
            field = c.ReadAmount();
        }
    }

    public static Quantity ReadQuantity(this XmlCursor c)
    {
        var unit = c.Attribute("unitCode");
        var location = c.Here();
        var text = c.ReadText().Trim();
        return new Quantity(text, DecimalText.Parse(text), unit is null ? null : new UnitCode(unit), location);
    }

    public static void Once(this XmlCursor c, ref Quantity? field)
    {
        if (c.First(field.HasValue))
        {
            field = c.ReadQuantity();
        }
    }

    public static void Once(this XmlCursor c, ref Percentage? field)
    {
        if (c.First(field.HasValue))
        {
            var location = c.Here();
            var text = c.ReadText().Trim();
            field = new Percentage(text, DecimalText.Parse(text), location);
        }
    }

    /// <summary>A date element's own text (UBL <c>xs:date</c>, or a CII <c>DateTimeString</c>/<c>DateString</c> with <c>format</c>).</summary>
    public static DateValue ReadDateText(this XmlCursor c)
    {
        var format = c.Attribute("format");
        var location = c.Here();
        var text = c.ReadText().Trim();
        return new DateValue(text, format, DecimalText.ParseDate(text, format), location);
    }

    public static void OnceDate(this XmlCursor c, ref DateValue? field)
    {
        if (c.First(field.HasValue))
        {
            field = c.ReadDateText();
        }
    }

    /// <summary>Identifier with <c>schemeID</c> (or <c>listID</c> for classifications) and version.</summary>
    public static Identifier ReadIdentifier(this XmlCursor c, string schemeAttribute = "schemeID", string? versionAttribute = null)
    {
        var scheme = c.Attribute(schemeAttribute);
        var version = versionAttribute is null ? null : c.Attribute(versionAttribute);
        var location = c.Here();
        var text = c.ReadText().Trim();
        return new Identifier(text, scheme is null ? null : new IdentifierScheme(scheme)) { SchemeVersion = version, Location = location };
    }

    public static void Once(this XmlCursor c, ref Identifier? field, string schemeAttribute = "schemeID")
    {
        if (c.First(field is not null))
        {
            field = c.ReadIdentifier(schemeAttribute);
        }
    }

    /// <summary>Iterates the children of the current element (consuming it): each call of <paramref name="child"/> must consume its child.</summary>
    public static void Children(this XmlCursor c, Action<XmlCursor> child)
    {
        if (c.BeginChildren())
        {
            while (c.NextChild())
            {
                child(c);
            }
        }
    }
}
