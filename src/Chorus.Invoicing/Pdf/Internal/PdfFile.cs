namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>
/// The structure of one PDF file: cross-reference sections (tables and streams, following /Prev through incremental
/// updates), the trailer, and objects resolved lazily and cached. A broken xref falls back to one bounded scan of the
/// file for "n g obj". Not thread-safe: use one instance per thread (it is cheap: nothing is parsed up front).
/// </summary>
internal sealed class PdfFile
{
    private readonly Dictionary<int, PdfObject> _cache = [];
    private readonly HashSet<int> _resolving = [];
    private readonly Dictionary<int, (byte[] Data, int First, int[] Offsets)> _objectStreams = [];
    private readonly List<XrefSection> _sections = [];
    private readonly PdfParser _parser;
    private XrefScanSection? _scan;
    private bool _repaired;

    private PdfFile(byte[] data, PdfReadOptions options)
    {
        Data = data;
        Options = options;
        _parser = new PdfParser(data, options.MaxDepth, ResolveLength);
    }

    public byte[] Data { get; }

    public PdfReadOptions Options { get; }

    public PdfDictionary Trailer { get; private set; } = new(new Dictionary<string, PdfObject>());

    /// <summary>The header's version, e.g. "1.4".</summary>
    public string HeaderVersion { get; private set; } = "1.4";

    /// <summary>Byte offset of the last cross-reference section (what "startxref" says).</summary>
    public long StartXref { get; private set; } = -1;

    /// <summary>True when the last cross-reference section is a stream (a writer appending an update should match it).</summary>
    public bool LastXrefIsStream { get; private set; }

    /// <summary>True when the cross-reference data was unusable and objects were found by scanning.</summary>
    public bool Repaired => _repaired;

    public bool IsEncrypted => Trailer.Contains("Encrypt");

    /// <summary>Highest object number + 1, as the trailer says (or as found).</summary>
    public int Size { get; private set; }

    public static PdfFile Open(byte[] data, PdfReadOptions? options = null)
    {
        var file = new PdfFile(data, options ?? PdfReadOptions.Default);
        file.Load();
        return file;
    }

    private void Load()
    {
        var head = Data.AsSpan(0, Math.Min(Data.Length, 1024));
        var h = PdfAscii.IndexOf(head, "%PDF-");
        if (h < 0)
        {
            throw new PdfFormatException("not a PDF (no %PDF- header in the first 1024 bytes)", 0, "header");
        }

        if (h + 8 <= Data.Length)
        {
            HeaderVersion = PdfAscii.ToStringLatin1(Data.AsSpan(h + 5, 3));
        }

        try
        {
            LoadXrefChain();
        }
        catch (PdfFormatException)
        {
            Repair();
        }

        if (Trailer["Root"] is not PdfRef && !_repaired)
        {
            Repair();
        }

        if (Resolve(Trailer["Root"]) is not PdfDictionary && !_repaired)
        {
            Repair();
        }

        if (Resolve(Trailer["Root"]) is not PdfDictionary)
        {
            throw new PdfFormatException("no document catalog (trailer /Root) found", -1, "trailer");
        }
    }

    private void LoadXrefChain()
    {
        var tail = Data.AsSpan(Math.Max(0, Data.Length - 2048));
        var sx = PdfAscii.LastIndexOf(tail, "startxref");
        if (sx < 0)
        {
            throw new PdfFormatException("no startxref", Data.Length, "trailer");
        }

        _parser.Position = Data.Length - tail.Length + sx + 9;
        if (!_parser.TryReadInt(out var offset) || offset < 0 || offset >= Data.Length)
        {
            throw new PdfFormatException("startxref points outside the file", _parser.Position, "trailer");
        }

        StartXref = offset;
        var visited = new HashSet<long>();
        var trailers = new List<PdfDictionary>();
        long next = offset;
        var first = true;
        while (next >= 0)
        {
            if (!visited.Add(next) || visited.Count > 1000)
            {
                break; // a /Prev loop: stop, what we have is the newest data
            }

            if (next >= Data.Length)
            {
                throw new PdfFormatException("/Prev points outside the file", next, "xref");
            }

            var (trailer, isStream) = ReadXrefSection((int)next);
            if (first)
            {
                LastXrefIsStream = isStream;
                first = false;
            }

            trailers.Add(trailer);
            // hybrid files (§7.5.8.4): the table's trailer points at a stream for the compressed objects
            if (trailer["XRefStm"] is PdfNumber stm && stm.AsLong > 0 && stm.AsLong < Data.Length && visited.Add(stm.AsLong))
            {
                ReadXrefSection((int)stm.AsLong);
            }

            next = trailer["Prev"] is PdfNumber prev ? prev.AsLong : -1;
        }

        // the newest trailer wins key by key
        var merged = new Dictionary<string, PdfObject>(StringComparer.Ordinal);
        for (var i = trailers.Count - 1; i >= 0; i--)
        {
            foreach (var kv in trailers[i].Entries)
            {
                merged[kv.Key] = kv.Value;
            }
        }

        merged.Remove("Prev");
        merged.Remove("XRefStm");
        Trailer = new PdfDictionary(merged);
        Size = Trailer["Size"] is PdfNumber size ? (int)Math.Min(size.AsLong, int.MaxValue) : 0;
    }

    private (PdfDictionary Trailer, bool IsStream) ReadXrefSection(int offset)
    {
        _parser.Position = offset;
        _parser.SkipWhiteAndComments();
        if (_parser.TryReadKeyword("xref"))
        {
            return (ReadXrefTable(), false);
        }

        _parser.Position = offset;
        if (_parser.TryReadObjectHeader(out _) < 0)
        {
            throw new PdfFormatException("startxref does not point at a cross-reference section", offset, "xref");
        }

        if (_parser.ReadObject() is not PdfStream stream || stream.Dictionary.NameOf("Type") != "XRef")
        {
            throw new PdfFormatException("cross-reference stream expected", offset, "xref");
        }

        _sections.Add(ReadXrefStream(stream, offset));
        return (stream.Dictionary, true);
    }

    private PdfDictionary ReadXrefTable()
    {
        var subsections = new List<(int, int, int, int)>();
        while (true)
        {
            var save = _parser.Position;
            if (_parser.TryReadKeyword("trailer"))
            {
                break;
            }

            _parser.Position = save;
            if (!_parser.TryReadInt(out var firstNum) || !_parser.TryReadInt(out var count) || firstNum < 0 || count < 0)
            {
                throw new PdfFormatException("bad cross-reference subsection header", save, "xref");
            }

            _parser.SkipWhiteAndComments();
            var start = _parser.Position;
            // entries are 20 bytes (§7.5.4); some writers use 19 or 21: measure the first one
            var stride = 20;
            if (count > 0)
            {
                var p = start + 18;
                while (p < Data.Length && PdfParser.IsWhite(Data[p]))
                {
                    p++;
                }

                stride = p - start;
                if (stride is < 19 or > 21)
                {
                    throw new PdfFormatException("bad cross-reference entry", start, "xref");
                }
            }

            if ((long)start + ((long)count * stride) > Data.Length)
            {
                throw new PdfFormatException("cross-reference table runs past the end of the file", start, "xref");
            }

            subsections.Add((firstNum, count, start, stride));
            _parser.Position = start + (count * stride);
        }

        _sections.Add(new XrefTableSection(Data, subsections));
        if (_parser.ReadObject(allowStream: false) is not PdfDictionary trailer)
        {
            throw new PdfFormatException("trailer is not a dictionary", _parser.Position, "trailer");
        }

        return trailer;
    }

    private XrefStreamSection ReadXrefStream(PdfStream stream, int offset)
    {
        var where = $"cross-reference stream at {offset}";
        var rows = StreamDecoder.Decode(stream, o => o, Options.MaxDecodedStreamBytes, where);
        if (stream.Dictionary["W"] is not PdfArray w || w.Count != 3)
        {
            throw new PdfFormatException("cross-reference stream without /W", offset, "xref");
        }

        var widths = new int[3];
        for (var i = 0; i < 3; i++)
        {
            widths[i] = w[i] is PdfNumber n && n.Value is >= 0 and <= 8 ? (int)n.Value : throw new PdfFormatException("bad /W", offset, "xref");
        }

        var size = stream.Dictionary["Size"] is PdfNumber s ? (int)s.Value : 0;
        var index = new List<(int, int, int)>();
        var row = 0;
        if (stream.Dictionary["Index"] is PdfArray idx)
        {
            for (var i = 0; i + 1 < idx.Count; i += 2)
            {
                var f = idx[i] is PdfNumber a ? (int)a.Value : 0;
                var c = idx[i + 1] is PdfNumber b ? (int)b.Value : 0;
                index.Add((f, c, row));
                row += c;
            }
        }
        else
        {
            index.Add((0, size, 0));
        }

        return new XrefStreamSection(rows, widths, index);
    }

    /// <summary>Rebuilds the cross-reference data by one pass over the file, looking for "n g obj" (bounded by the file size).</summary>
    private void Repair()
    {
        _repaired = true;
        _sections.Clear();
        _cache.Clear();
        _objectStreams.Clear();
        var entries = ScanObjects();
        var data = Data.AsSpan();
        _scan = new XrefScanSection(entries);
        _sections.Add(_scan);
        Size = entries.Count == 0 ? 0 : entries.Keys.Max() + 1;

        // objects inside object streams, and the trailer: from the last "trailer" or the last XRef stream
        var merged = new Dictionary<string, PdfObject>(StringComparer.Ordinal);
        var t = PdfAscii.LastIndexOf(data, "trailer");
        if (t >= 0)
        {
            _parser.Position = t + 7;
            try
            {
                if (_parser.ReadObject(allowStream: false) is PdfDictionary td)
                {
                    foreach (var kv in td.Entries)
                    {
                        merged[kv.Key] = kv.Value;
                    }
                }
            }
            catch (PdfFormatException)
            {
                // a broken trailer: the catalog is searched below
            }
        }

        var compressed = new Dictionary<int, XrefEntry>();
        foreach (var num in entries.Keys.OrderBy(k => k))
        {
            if (GetObject(num) is PdfStream s)
            {
                var type = s.Dictionary.NameOf("Type");
                if (type == "XRef" && !merged.ContainsKey("Root"))
                {
                    foreach (var kv in s.Dictionary.Entries)
                    {
                        if (!merged.ContainsKey(kv.Key))
                        {
                            merged[kv.Key] = kv.Value;
                        }
                    }
                }
                else if (type == "ObjStm")
                {
                    try
                    {
                        var (_, _, offsets) = LoadObjectStream(num);
                        var numbers = ObjectStreamNumbers(num);
                        for (var k = 0; k < numbers.Length; k++)
                        {
                            if (!entries.ContainsKey(numbers[k]))
                            {
                                compressed[numbers[k]] = new XrefEntry(2, num, k);
                            }
                        }
                    }
                    catch (PdfFormatException)
                    {
                        // an unreadable object stream: its objects stay missing
                    }
                }
            }
        }

        if (compressed.Count > 0)
        {
            _sections.Add(new XrefScanSection(compressed));
        }

        if (Resolve(merged.TryGetValue("Root", out var r) ? r : null) is not PdfDictionary)
        {
            merged.Remove("Root");
            foreach (var num in entries.Keys.Concat(compressed.Keys).OrderByDescending(k => k))
            {
                if (GetObject(num) is PdfDictionary d && d.NameOf("Type") == "Catalog")
                {
                    merged["Root"] = new PdfRef(num, 0);
                    break;
                }
            }
        }

        merged.Remove("Prev");
        merged.Remove("XRefStm");
        Trailer = new PdfDictionary(merged);
        Size = Math.Max(Size, compressed.Count == 0 ? 0 : compressed.Keys.Max() + 1);
    }

    private Dictionary<int, XrefEntry> ScanObjects()
    {
        var entries = new Dictionary<int, XrefEntry>();
        var data = Data.AsSpan();
        var pos = 0;
        while (true)
        {
            var i = PdfAscii.IndexOf(data.Slice(pos), "obj");
            if (i < 0)
            {
                break;
            }

            var at = pos + i;
            pos = at + 3;
            if (pos < data.Length && PdfParser.IsRegular(data[pos]))
            {
                continue; // "objx"
            }

            // walk back over "num gen "
            var p = at - 1;
            var sawWhite = false;
            while (p >= 0 && PdfParser.IsWhite(data[p]))
            {
                p--;
                sawWhite = true;
            }

            var genEnd = p + 1;
            while (p >= 0 && data[p] is >= (byte)'0' and <= (byte)'9')
            {
                p--;
            }

            if (!sawWhite || genEnd - (p + 1) is < 1 or > 5)
            {
                continue;
            }

            var ws = p;
            while (p >= 0 && PdfParser.IsWhite(data[p]))
            {
                p--;
            }

            if (p == ws)
            {
                continue;
            }

            var numEnd = p + 1;
            while (p >= 0 && data[p] is >= (byte)'0' and <= (byte)'9')
            {
                p--;
            }

            if (numEnd - (p + 1) is < 1 or > 10 || (p >= 0 && PdfParser.IsRegular(data[p])))
            {
                continue;
            }

            if (PdfAscii.TryParseInt(data.Slice(p + 1, numEnd - p - 1), out var num) && num >= 0)
            {
                entries[num] = new XrefEntry(1, p + 1, 0); // later definitions win, as in an update
            }
        }

        return entries;
    }

    /// <summary>
    /// True when the bytes start like a PDF but hold no object at all (a file truncated right after its header): it
    /// verifiably carries nothing, which a reader looking for an attachment may report as "none" rather than "unreadable".
    /// </summary>
    public static bool IsHeaderOnly(byte[] data)
    {
        var head = data.AsSpan(0, Math.Min(data.Length, 1024));
        return PdfAscii.IndexOf(head, "%PDF-") >= 0 && PdfAscii.IndexOf(data, "obj") < 0;
    }

    public PdfObject? Resolve(PdfObject? o) => o is PdfRef r ? GetObject(r.Number) : o;

    public PdfDictionary? ResolveDictionary(PdfObject? o) => Resolve(o) switch
    {
        PdfDictionary d => d,
        PdfStream s => s.Dictionary,
        _ => null,
    };

    /// <summary>The object with this number, or null when missing/unreadable (a dangling reference is null, §7.3.10).</summary>
    public PdfObject? GetObject(int number)
    {
        if (_cache.TryGetValue(number, out var cached))
        {
            return cached;
        }

        if (!_resolving.Add(number))
        {
            return null; // a reference cycle (e.g. a /Length pointing at its own stream)
        }

        try
        {
            var o = LoadObject(number);
            if (o is not null)
            {
                _cache[number] = o;
            }

            return o;
        }
        finally
        {
            _resolving.Remove(number);
        }
    }

    private PdfObject? LoadObject(int number)
    {
        foreach (var section in _sections)
        {
            if (!section.TryFind(number, out var e))
            {
                continue;
            }

            return e.Type switch
            {
                1 => ReadAt(number, e.Field2),
                2 => ReadCompressed((int)e.Field2, e.Field3),
                _ => null,
            };
        }

        return null;
    }

    private PdfObject? ReadAt(int number, long offset)
    {
        if (offset < 0 || offset >= Data.Length)
        {
            return RetryFromScan(number, offset);
        }

        var save = _parser.Position;
        try
        {
            _parser.Position = (int)offset;
            var num = _parser.TryReadObjectHeader(out _);
            if (num != number)
            {
                return RetryFromScan(number, offset);
            }

            return _parser.ReadObject();
        }
        finally
        {
            _parser.Position = save;
        }
    }

    private PdfObject? RetryFromScan(int number, long offset)
    {
        // an xref offset that does not point at the object: find it by the scan, once
        _scan ??= new XrefScanSection(ScanObjects());
        if (_scan.TryFind(number, out var e) && e.Field2 != offset)
        {
            return ReadAt(number, e.Field2);
        }

        return null;
    }

    private PdfObject? ReadCompressed(int streamNumber, int index)
    {
        var (data, first, offsets) = LoadObjectStream(streamNumber);
        if (index < 0 || index >= offsets.Length)
        {
            return null;
        }

        var parser = new PdfParser(data, Options.MaxDepth) { Position = first + offsets[index] };
        if (parser.Position >= data.Length)
        {
            return null;
        }

        return parser.ReadObject(allowStream: false);
    }

    private (byte[] Data, int First, int[] Offsets) LoadObjectStream(int streamNumber)
    {
        if (_objectStreams.TryGetValue(streamNumber, out var loaded))
        {
            return loaded;
        }

        if (GetObject(streamNumber) is not PdfStream s || s.Dictionary.NameOf("Type") != "ObjStm")
        {
            throw new PdfFormatException($"object {streamNumber} is not an object stream", -1, "object stream");
        }

        var where = $"object stream {streamNumber}";
        var data = StreamDecoder.Decode(s, Resolve, Options.MaxDecodedStreamBytes, where);
        var n = s.Dictionary["N"] is PdfNumber nn ? (int)nn.Value : 0;
        var first = s.Dictionary["First"] is PdfNumber ff ? (int)ff.Value : 0;
        if (n < 0 || n > data.Length || first < 0 || first > data.Length)
        {
            throw new PdfFormatException("bad object stream header", -1, where);
        }

        var parser = new PdfParser(data, Options.MaxDepth, end: first);
        var offsets = new int[n];
        var numbers = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!parser.TryReadInt(out numbers[i]) || !parser.TryReadInt(out offsets[i]))
            {
                throw new PdfFormatException("bad object stream header", -1, where);
            }
        }

        var result = (data, first, offsets);
        _objectStreams[streamNumber] = result;
        _objectStreamNumbers[streamNumber] = numbers;
        return result;
    }

    private readonly Dictionary<int, int[]> _objectStreamNumbers = [];

    private int[] ObjectStreamNumbers(int streamNumber) => _objectStreamNumbers.TryGetValue(streamNumber, out var n) ? n : [];

    private int? ResolveLength(PdfObject? o)
    {
        var r = o is PdfRef ? GetObject(((PdfRef)o).Number) : o;
        return r is PdfNumber n && n.Value is >= 0 and <= int.MaxValue ? (int)n.Value : null;
    }

    /// <summary>Decoded data of a stream, capped by <paramref name="maxBytes"/> (default: the options' cap).</summary>
    public byte[] DecodeStream(PdfStream stream, string where, int? maxBytes = null)
    {
        if (IsEncrypted)
        {
            throw new PdfFormatException("the PDF is encrypted: its streams cannot be read without the password", -1, where);
        }

        return StreamDecoder.Decode(stream, Resolve, maxBytes ?? Options.MaxDecodedStreamBytes, where);
    }

    /// <summary>The document catalog.</summary>
    public PdfDictionary Catalog => (PdfDictionary)Resolve(Trailer["Root"])!;

    /// <summary>Every object number the cross-reference data lists (writers and repairs; not the hot path).</summary>
    public IEnumerable<int> AllObjectNumbers() => _sections.SelectMany(s => s.Numbers()).Distinct();
}
