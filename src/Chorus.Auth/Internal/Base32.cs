namespace Chorus.Auth.Internal;

/// <summary>RFC 4648 Base32 as authenticator apps use it: upper case, no padding on output; on input case, spaces, dashes and padding are ignored.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[((data.Length * 8) + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars, 0, index);
    }

    /// <summary>Decodes, or returns null with the position of the first bad character (never the text itself).</summary>
    public static byte[]? TryDecode(string text, out string? error)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0, position = 0, padding = 0;
        foreach (var c in text)
        {
            position++;
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
                continue;
            }

            int value = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a',
                >= '2' and <= '7' => c - '2' + 26,
                _ => -1,
            };
            if (value < 0 || padding > 0)
            {
                error = $"not a Base32 character at position {position}";
                return null;
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        error = null;
        return output.ToArray();
    }
}
