using System.Runtime.CompilerServices;
using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>
/// Loads the canonical directory CSV (see the package README): one row per structure and service, columns found by header
/// name. Rows it cannot use become diagnostics; a file it cannot read raises <see cref="DirectoryFormatException"/>.
/// </summary>
internal sealed class AnnuaireCsvLoader
{
    private readonly Utf8CsvReader _csv;
    private readonly DirectoryLoadOptions _options;
    private readonly List<DirectoryDiagnostic> _diagnostics = [];
    private readonly int[] _column = new int[AnnuaireColumns.Count];
    private readonly DirectoryStoreBuilder _builder;
    private int _headerCount;
    private int _diagnosticCount;
    private int _current = -1;

    private AnnuaireCsvLoader(Stream stream, DirectoryLoadOptions options, int expectedStructures, int expectedTextBytes)
    {
        _options = options;
        _csv = new Utf8CsvReader(stream, (byte)';', options.MaxRowBytes, bufferSize: 1 << 18) { DetectSeparator = true };
        _builder = new DirectoryStoreBuilder(expectedStructures, expectedTextBytes);
    }

    public static InMemoryPublicEntityDirectory Load(Stream stream, DirectoryLoadOptions options)
    {
        // About 100 bytes a row, 1.6 rows a structure, names and codes half the bytes: size the tables once when the length is known.
        var length = stream.CanSeek ? Math.Min(stream.Length - stream.Position, 1L << 30) : 0;
        var loader = new AnnuaireCsvLoader(stream, options, length > 0 ? (int)(length / 160) : 1024, (int)(length / 2));
        loader.ReadHeader();
        loader.ReadRows();
        var store = loader._builder.Build((line, message) => loader.Report(line, message));
        var diagnostics = loader._diagnostics;
        diagnostics.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new InMemoryPublicEntityDirectory(store, diagnostics, loader._diagnosticCount);
    }

    private void ReadHeader()
    {
        while (true)
        {
            if (!_csv.Read())
            {
                throw new DirectoryFormatException("the file is empty: expected a header row (identifiant;typeIdentifiant;raisonSociale;…)", 0);
            }

            if (!(_csv.FieldCount == 1 && Utf8Text.Trim(_csv.Field(0)).IsEmpty))
            {
                break;
            }
        }

        _headerCount = _csv.FieldCount;
        _column.AsSpan().Fill(-1);
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            var name = Utf8Text.Decode(Utf8Text.Trim(_csv.Field(i)));
            var field = AnnuaireColumns.Find(name);
            if (field >= 0 && _column[field] < 0)
            {
                _column[field] = i;
            }
        }

        var missing = AnnuaireColumns.Required.Where(f => _column[f] < 0).Select(f => AnnuaireColumns.Names[f][0]).ToList();
        if (missing.Count > 0)
        {
            throw new DirectoryFormatException(
                $"not a directory file: the header lacks the column(s) {string.Join(", ", missing)} (columns are found by name, separated by ';')",
                _csv.Line);
        }
    }

#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    private void ReadRows()
    {
        while (_csv.Read())
        {
            var count = _csv.FieldCount;
            if (count == 1 && _csv.Field(0).IsEmpty)
            {
                continue;
            }

            string? problem = null;
            if (count < _headerCount)
            {
                problem = $"{count} field(s) where the header has {_headerCount}; row skipped";
            }
            else if (count > _headerCount && !ExtraFieldsEmpty(count))
            {
                problem = $"{count} fields where the header has {_headerCount}; row skipped";
            }
            else
            {
                problem = ReadRow();
            }

            if (problem is not null)
            {
                if (_csv.EndedAtEndOfFile)
                {
                    // The last row has no line break and does not hold together: the file was cut.
                    throw new DirectoryFormatException($"the file ends in the middle of a row (truncated?): {problem}", _csv.Line);
                }

                Report(problem);
            }
            else if (_csv.Malformed)
            {
                Report("text after a closing quote was ignored");
            }
        }
    }

    private bool ExtraFieldsEmpty(int count)
    {
        for (var i = _headerCount; i < count; i++)
        {
            if (!Utf8Text.Trim(_csv.Field(i)).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the current row into the builder; returns why it was skipped, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private string? ReadRow()
    {
        var type = StructureIdentifierType.Siret;
        if (_column[AnnuaireColumns.IdentifierType] >= 0)
        {
            var typeText = Utf8Text.Trim(Field(AnnuaireColumns.IdentifierType));
            if (!typeText.IsEmpty && !StructureIdentifierTypes.TryParse(typeText, out type))
            {
                return $"unknown typeIdentifiant '{Utf8Text.Decode(typeText)}'; row skipped";
            }
        }

        var idText = Utf8Text.Trim(Field(AnnuaireColumns.Identifier));
        long siret = 0;
        string? otherKey = null;
        if (type == StructureIdentifierType.Siret)
        {
            if (!TryReadSiret(idText, out siret, _current >= 0 ? _builder[_current].Siret : -1))
            {
                return $"'{Utf8Text.Decode(idText)}' is not a valid SIRET; row skipped";
            }
        }
        else
        {
            var error = StructureIdentifier.TryParse(type, Utf8Text.Decode(idText), out var other);
            if (error != IdentifierError.None)
            {
                return $"'{Utf8Text.Decode(idText)}' is not a valid {type.ToCode()} identifier ({error.Describe(type.ToCode())}); row skipped";
            }

            otherKey = DirectoryStore.OtherKey(type, other.Value);
        }

        var flags = StructureFlags.None;
        if (!Flag(AnnuaireColumns.Active, StructureFlags.Active, ref flags, required: true)
            || !Flag(AnnuaireColumns.ServiceCodeRequired, StructureFlags.ServiceCodeRequired, ref flags, required: true)
            || !Flag(AnnuaireColumns.EngagementRequired, StructureFlags.EngagementRequired, ref flags, required: true)
            || !Flag(AnnuaireColumns.PaymentStatusReported, StructureFlags.PaymentStatusReported, ref flags, required: false)
            || !Flag(AnnuaireColumns.MoaOnly, StructureFlags.MoaOnly, ref flags, required: false))
        {
            return BadBooleanMessage();
        }

        var code = _column[AnnuaireColumns.ServiceCode] >= 0 ? Utf8Text.Trim(Field(AnnuaireColumns.ServiceCode)) : default;
        var serviceActive = true;
        if (!code.IsEmpty && _column[AnnuaireColumns.ServiceActive] >= 0)
        {
            var text = Field(AnnuaireColumns.ServiceActive);
            if (!Utf8Text.Trim(text).IsEmpty && !Utf8Text.TryParseBoolean(text, out serviceActive))
            {
                return $"serviceActif: '{Utf8Text.Decode(Utf8Text.Trim(text))}' is not a boolean (true/false, oui/non, 1/0); row skipped";
            }
        }

        var index = FindOrAdd(type, siret, otherKey, idText, flags);
        if (!code.IsEmpty)
        {
            var codeRef = Append(AnnuaireColumns.ServiceCode, code);
            var nameRef = _column[AnnuaireColumns.ServiceName] >= 0
                ? Append(AnnuaireColumns.ServiceName, Utf8Text.Trim(Field(AnnuaireColumns.ServiceName)))
                : default;
            _builder.AddService(index, codeRef.Offset, codeRef.Length, nameRef.Offset, nameRef.Length, serviceActive);
        }

        return null;
    }

    [MethodImpl(HotPath.Options)]
    private int FindOrAdd(StructureIdentifierType type, long siret, string? otherKey, ReadOnlySpan<byte> idText, StructureFlags flags)
    {
        // Rows of a structure are usually consecutive: try the last one before the dictionary.
        if (_current >= 0 && otherKey is null && _builder[_current].Siret == siret && _builder[_current].Type == StructureIdentifierType.Siret)
        {
            CheckSame(_current, flags);
            return _current;
        }

        // A SIRET seen earlier but not on the previous row is merged when the index is built (DirectoryStoreBuilder.Build).
        var existing = otherKey is null ? -1 : _builder.IndexOfOther(otherKey);
        if (existing >= 0)
        {
            CheckSame(existing, flags);
            return _current = existing;
        }

        var entry = new StructureEntry { Siret = siret, Type = type, Flags = flags, Line = _csv.Line };
        if (otherKey is not null)
        {
            entry.IdOffset = _builder.Text.Append(idText);
            entry.IdLength = idText.Length;
        }

        if (_column[AnnuaireColumns.Name] >= 0)
        {
            var name = Append(AnnuaireColumns.Name, Utf8Text.Trim(Field(AnnuaireColumns.Name)));
            entry.NameOffset = name.Offset;
            entry.NameLength = name.Length;
        }

        return _current = _builder.AddStructure(entry, otherKey);
    }

    [MethodImpl(HotPath.Options)]
    private void CheckSame(int index, StructureFlags flags)
    {
        if (_builder[index].Flags != flags)
        {
            Report($"the structure's flags differ from its row at line {_builder[index].Line}; that row's values are kept");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Field(int column) => _csv.Field(_column[column]);

    [MethodImpl(HotPath.Options)]
    private (int Offset, int Length) Append(int column, ReadOnlySpan<byte> text) =>
        _csv.IsEscaped(_column[column]) ? _builder.Text.AppendUnescaped(text) : (_builder.Text.Append(text), text.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Flag(int column, StructureFlags flag, ref StructureFlags flags, bool required)
    {
        if (_column[column] < 0)
        {
            return !required;
        }

        if (!Utf8Text.TryParseBoolean(Field(column), out var value))
        {
            return false;
        }

        if (value)
        {
            flags |= flag;
        }

        return true;
    }

    private string BadBooleanMessage()
    {
        foreach (var column in new[] { AnnuaireColumns.Active, AnnuaireColumns.ServiceCodeRequired, AnnuaireColumns.EngagementRequired, AnnuaireColumns.PaymentStatusReported, AnnuaireColumns.MoaOnly })
        {
            if (_column[column] >= 0 && !Utf8Text.TryParseBoolean(Field(column), out _))
            {
                return $"{AnnuaireColumns.Names[column][0]}: '{Utf8Text.Decode(Utf8Text.Trim(Field(column)))}' is not a boolean (true/false, oui/non, 1/0); row skipped";
            }
        }

        return "a flag is not a boolean; row skipped";
    }

    /// <summary>14 digits (spaces allowed between) with a valid check digit, read straight from the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadSiret(ReadOnlySpan<byte> text, out long value, long alreadyChecked)
    {
        value = 0;
        var digits = 0;
        foreach (var b in text)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                value = (value * 10) + (b - '0');
                digits++;
            }
            else if (b is not ((byte)' ' or (byte)'.'))
            {
                return false;
            }
        }

        // The rows of one structure follow each other: its SIRET's check digit was verified on its first row.
        return digits == 14 && (value == alreadyChecked || SiretCheck.IsValid(value));
    }

    private void Report(string message) => Report(_csv.Line, message);

    private void Report(long line, string message)
    {
        _diagnosticCount++;
        if (_diagnostics.Count < _options.MaxDiagnostics)
        {
            _diagnostics.Add(new DirectoryDiagnostic(line, message));
        }
    }
}
