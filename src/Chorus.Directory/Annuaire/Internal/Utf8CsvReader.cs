using System.Runtime.CompilerServices;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>
/// A streaming RFC 4180 reader over UTF-8 bytes: fields are slices of one reusable buffer, nothing is decoded or copied
/// unless the caller asks. Quoted fields may hold the separator, quotes (doubled) and line breaks; CRLF, LF and CR end a
/// record; a UTF-8 BOM is skipped. A record longer than the limit, or a quote never closed, is a
/// <see cref="DirectoryFormatException"/> that names the line.
/// </summary>
internal sealed class Utf8CsvReader
{
    private const byte Quote = (byte)'"';
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly Stream _stream;
    private byte _separator;
    private readonly int _maxRecordBytes;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _started;
    private long _nextLine = 1;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _escaped = new bool[16];

    public Utf8CsvReader(Stream stream, byte separator, int maxRecordBytes, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _separator = separator;
        _maxRecordBytes = maxRecordBytes;
        _buffer = new byte[Math.Min(bufferSize, Math.Max(maxRecordBytes, 16))];
    }

    /// <summary>When set before the first <see cref="Read"/>: a first line without the separator but with tabs or commas uses those.</summary>
    public bool DetectSeparator { get; init; }

    /// <summary>The separator in use (after detection).</summary>
    public byte Separator => _separator;

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>True when the current record ended at the end of the file without a line break.</summary>
    public bool EndedAtEndOfFile { get; private set; }

    /// <summary>True when text followed a closing quote before the separator (kept, but the row is suspect).</summary>
    public bool Malformed { get; private set; }

    /// <summary>The raw bytes of field <paramref name="index"/> (quotes removed, doubled quotes not yet collapsed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(int index) => new(_buffer, _starts[index], _lengths[index]);

    /// <summary>True when field <paramref name="index"/> holds doubled quotes that <see cref="ByteArena.AppendUnescaped"/> must collapse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEscaped(int index) => _escaped[index];

    /// <summary>Moves to the next record; false at the end of the file.</summary>
#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    public bool Read()
    {
        if (!_started)
        {
            _started = true;
            Fill();
            while (!_eof && _end < _buffer.Length && _buffer.AsSpan(0, _end).IndexOfAny(Lf, Cr) < 0)
            {
                Fill(); // the whole first line, for the BOM and the separator
            }
            if (_end - _pos >= 3 && _buffer[_pos] == 0xEF && _buffer[_pos + 1] == 0xBB && _buffer[_pos + 2] == 0xBF)
            {
                _pos += 3;
            }

            if (DetectSeparator)
            {
                _separator = Sniff(_buffer.AsSpan(_pos, _end - _pos), _separator);
            }
        }

        while (true)
        {
            if (_pos == _end && _eof)
            {
                FieldCount = 0;
                return false;
            }

            if (TryParse(_eof))
            {
                return true;
            }

            if (_eof)
            {
                // TryParse(final: true) either completes or throws; reaching here means an empty tail.
                FieldCount = 0;
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
            {
                throw new DirectoryFormatException($"a row is longer than {_maxRecordBytes} bytes (the limit)", _nextLine);
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxRecordBytes));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>Parses one record at <see cref="_pos"/>; false when more bytes are needed (never when <paramref name="final"/>).</summary>
#if NET8_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
#endif
    private bool TryParse(bool final)
    {
        var buf = _buffer;
        var end = _end;
        var p = _pos;
        var n = 0;
        var lines = 0;
        var malformed = false;
        while (true)
        {
            if (p < end && buf[p] == Quote)
            {
                var q = p + 1;
                var escaped = false;
                while (true)
                {
                    var idx = buf.AsSpan(q, end - q).IndexOf(Quote);
                    if (idx < 0)
                    {
                        if (final)
                        {
                            throw new DirectoryFormatException("a quoted field is never closed (the file is truncated or a quote is missing)", _nextLine + lines);
                        }

                        return false;
                    }

                    lines += CountLineFeeds(buf, q, idx);
                    q += idx;
                    if (q + 1 < end && buf[q + 1] == Quote)
                    {
                        escaped = true;
                        q += 2;
                        continue;
                    }

                    if (q + 1 == end && !final)
                    {
                        return false;
                    }

                    break;
                }

                Add(ref n, p + 1, q - p - 1, escaped);
                p = q + 1;
                if (p < end && buf[p] != _separator && buf[p] != Lf && buf[p] != Cr)
                {
                    // Text after a closing quote ("ab"cd): keep the quoted part, skip the rest of the field.
                    malformed = true;
                    var rest = buf.AsSpan(p, end - p).IndexOfAny(_separator, Lf, Cr);
                    if (rest < 0)
                    {
                        if (!final)
                        {
                            return false;
                        }

                        p = end;
                    }
                    else
                    {
                        p += rest;
                    }
                }
            }
            else
            {
                var idx = ScanUnquoted(buf, p, end);
                if (idx < 0)
                {
                    if (!final)
                    {
                        return false;
                    }

                    Add(ref n, p, end - p, false);
                    p = end;
                }
                else
                {
                    Add(ref n, p, idx, false);
                    p += idx;
                }
            }

            if (p == end)
            {
                if (!final)
                {
                    return false;
                }

                Complete(n, p, lines, malformed, atEndOfFile: true);
                return true;
            }

            var c = buf[p];
            if (c == _separator)
            {
                p++;
                if (p == end && final)
                {
                    Add(ref n, p, 0, false);
                    Complete(n, p, lines, malformed, atEndOfFile: true);
                    return true;
                }

                continue;
            }

            if (c == Cr)
            {
                if (p + 1 == end && !final)
                {
                    return false;
                }

                p += p + 1 < end && buf[p + 1] == Lf ? 2 : 1;
            }
            else
            {
                p++;
            }

            Complete(n, p, lines + 1, malformed, atEndOfFile: false);
            return true;
        }
    }

    /// <summary>
    /// The offset from <paramref name="start"/> of the next separator or line break, or -1. Most fields are short (a
    /// flag, a code): a plain loop over their first bytes beats starting a vectorised search for each of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ScanUnquoted(byte[] buf, int start, int end)
    {
        var limit = Math.Min(end, start + 32);
        var separator = _separator;
        for (var i = start; i < limit; i++)
        {
            var b = buf[i];
            if (b == separator || (b <= Cr && (b == Lf || b == Cr)))
            {
                return i - start;
            }
        }

        if (limit == end)
        {
            return -1;
        }

        var idx = buf.AsSpan(limit, end - limit).IndexOfAny(separator, Lf, Cr);
        return idx < 0 ? -1 : idx + (limit - start);
    }

    /// <summary>The preferred separator if the first line has it, else tab or comma when the first line has them (outside quotes).</summary>
    private static byte Sniff(ReadOnlySpan<byte> head, byte preferred)
    {
        int preferredCount = 0, tabs = 0, commas = 0;
        var quoted = false;
        foreach (var b in head)
        {
            if (b == Quote)
            {
                quoted = !quoted;
            }
            else if (!quoted && (b == Lf || b == Cr))
            {
                break;
            }
            else if (!quoted)
            {
                preferredCount += b == preferred ? 1 : 0;
                tabs += b == (byte)'\t' ? 1 : 0;
                commas += b == (byte)',' ? 1 : 0;
            }
        }

        return preferredCount > 0 ? preferred : tabs > 0 && tabs >= commas ? (byte)'\t' : commas > 0 ? (byte)',' : preferred;
    }

    private void Complete(int fieldCount, int newPos, int lines, bool malformed, bool atEndOfFile)
    {
        FieldCount = fieldCount;
        Line = _nextLine;
        _nextLine += lines;
        _pos = newPos;
        Malformed = malformed;
        EndedAtEndOfFile = atEndOfFile;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(ref int n, int start, int length, bool escaped)
    {
        if (n == _starts.Length)
        {
            Array.Resize(ref _starts, n * 2);
            Array.Resize(ref _lengths, n * 2);
            Array.Resize(ref _escaped, n * 2);
        }

        _starts[n] = start;
        _lengths[n] = length;
        _escaped[n] = escaped;
        n++;
    }

    private static int CountLineFeeds(byte[] buffer, int start, int length)
    {
        var count = 0;
        var span = buffer.AsSpan(start, length);
        int i;
        while ((i = span.IndexOf(Lf)) >= 0)
        {
            count++;
            span = span.Slice(i + 1);
        }

        return count;
    }
}
