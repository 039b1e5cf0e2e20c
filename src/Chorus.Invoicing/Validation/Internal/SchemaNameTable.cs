using System.Xml;

namespace Chorus.Invoicing.Validation.Internal;

/// <summary>
/// The name table of one validating read: names the compiled schema set already holds come back as the schema's own
/// string instances, any other name is atomized in a table of this document. .NET's schema validator compares names by
/// reference first, so a reader whose names are the schema's validates about twice as fast as one with its own table
/// (measured: the XSD pass of a 20-line invoice, 0.26 ms -> 0.14 ms). The schema set's table is only read, never
/// added to (it is shared by every thread validating at the same time; <see cref="NameTable"/> is not thread-safe for
/// writes, and concurrent reads of a table nobody writes are safe). Equality never depends on which table a name came
/// from (the validator compares contents where instances may differ), only the speed does.
/// </summary>
internal sealed class SchemaNameTable(XmlNameTable schemaNames) : XmlNameTable
{
    private readonly NameTable _own = new();

    public override string Add(char[] array, int offset, int length) =>
        schemaNames.Get(array, offset, length) ?? _own.Add(array, offset, length);

    public override string Add(string array) => schemaNames.Get(array) ?? _own.Add(array);

    public override string? Get(char[] array, int offset, int length) =>
        schemaNames.Get(array, offset, length) ?? _own.Get(array, offset, length);

    public override string? Get(string array) => schemaNames.Get(array) ?? _own.Get(array);
}
