using System.Globalization;
using System.Text;

namespace Chorus.Invoicing.Model;

/// <summary>
/// Where a model node was read from: line, column and an XPath such as
/// <c>/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount</c> (prefixes as in the source document, 1-based positions
/// among same-named siblings). The XPath string is computed lazily, on first request.
/// </summary>
/// <remarks>
/// Locations never take part in equality: all locations are equal to each other, so that two models with the same
/// content are equal wherever they were read from (or whether they were built in code, with <see cref="None"/>).
/// </remarks>
public readonly struct SourceLocation : IEquatable<SourceLocation>
{
    private readonly LocationNode? _node;

    internal SourceLocation(LocationNode? node, int line, int column)
    {
        _node = node;
        Line = line;
        Column = column;
    }

    /// <summary>No location: the node was built in code.</summary>
    public static SourceLocation None => default;

    /// <summary>1-based line in the source, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column in the source, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>True when the node was read from a document.</summary>
    public bool IsKnown => _node is not null;

    /// <summary>The XPath of the element, or null when unknown.</summary>
    public string? XPath => _node?.XPath;

    /// <summary>The XPath of a child element of this one (e.g. <c>cbc:ID</c>), or null when unknown.</summary>
    public string? Child(string prefixedName) => _node is null ? null : _node.XPath + "/" + prefixedName;

    /// <summary>Always true: locations are not part of a model's value.</summary>
    public bool Equals(SourceLocation other) => true;

    /// <summary>True for any location (see remarks).</summary>
    public override bool Equals(object? obj) => obj is SourceLocation;

    /// <summary>A constant: locations are not part of a model's value.</summary>
    public override int GetHashCode() => 0;

    /// <summary>Always true.</summary>
    public static bool operator ==(SourceLocation left, SourceLocation right) => true;

    /// <summary>Always false.</summary>
    public static bool operator !=(SourceLocation left, SourceLocation right) => false;

    /// <summary>The XPath and line, e.g. <c>/Invoice/cbc:ID (line 3)</c>.</summary>
    public override string ToString() => _node is null ? "(built in code)" : $"{XPath} (line {Line.ToString(CultureInfo.InvariantCulture)})";
}

/// <summary>One element of a source path; shared by the locations of its descendants.</summary>
internal sealed class LocationNode(LocationNode? parent, string prefix, string localName, int position)
{
    private string? _xpath;

    public LocationNode? Parent { get; } = parent;

    public string Prefix { get; } = prefix;

    public string LocalName { get; } = localName;

    public int Position { get; } = position;

    public string XPath => _xpath ??= Build();

    private string Build()
    {
        var parts = new Stack<LocationNode>();
        for (var n = this; n is not null; n = n.Parent)
        {
            parts.Push(n);
        }

        var sb = new StringBuilder();
        while (parts.Count > 0)
        {
            var n = parts.Pop();
            sb.Append('/');
            if (n.Prefix.Length > 0)
            {
                sb.Append(n.Prefix).Append(':');
            }

            sb.Append(n.LocalName);
            if (n.Parent is not null)
            {
                sb.Append('[').Append(n.Position.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return sb.ToString();
    }
}
