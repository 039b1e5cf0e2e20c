namespace Chorus.Invoicing.Validation.Internal.XPath;

internal enum TokenKind
{
    End,
    Name,
    Axis,
    Variable,
    String,
    Number,
    Symbol,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position);

/// <summary>Splits an XPath 2.0 expression into tokens (names keep their prefix; operators are resolved by the parser).</summary>
internal static class XPathLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, i));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (c == '(' && i + 1 < text.Length && text[i + 1] == ':')
            {
                // XPath 2.0 comment (: ... :)
                var end = text.IndexOf(":)", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                continue;
            }

            if (c is '"' or '\'')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"unterminated string literal at {start} in: {text}");
                    }

                    if (text[i] == c)
                    {
                        if (i + 1 < text.Length && text[i + 1] == c)
                        {
                            sb.Append(c);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }

                tokens.Add(new Token(TokenKind.String, sb.ToString(), start));
                continue;
            }

            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
                {
                    i++;
                    if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                    {
                        i++;
                    }

                    while (i < text.Length && char.IsDigit(text[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(TokenKind.Number, text.Substring(start, i - start), start));
                continue;
            }

            if (c == '$')
            {
                i++;
                var n = ReadQName(text, ref i);
                tokens.Add(new Token(TokenKind.Variable, n, start));
                continue;
            }

            if (IsNameStart(c))
            {
                var n = ReadQName(text, ref i);
                var j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                if (j + 1 < text.Length && text[j] == ':' && text[j + 1] == ':')
                {
                    tokens.Add(new Token(TokenKind.Axis, n, start));
                    i = j + 2;
                    continue;
                }

                tokens.Add(new Token(TokenKind.Name, n, start));
                continue;
            }

            if (c == '*' && i + 2 < text.Length && text[i + 1] == ':' && IsNameStart(text[i + 2]))
            {
                i += 2;
                var local = ReadNcName(text, ref i);
                tokens.Add(new Token(TokenKind.Name, "*:" + local, start));
                continue;
            }

            string sym;
            if (i + 1 < text.Length)
            {
                var two = text.Substring(i, 2);
                if (two is "!=" or "<=" or ">=" or "//" or ".." or "::" or "<<" or ">>")
                {
                    tokens.Add(new Token(TokenKind.Symbol, two, start));
                    i += 2;
                    continue;
                }
            }

            sym = c.ToString();
            if ("()[]@,/|=<>+-*.?".IndexOf(c) < 0)
            {
                throw new FormatException($"unexpected character '{c}' at {i} in: {text}");
            }

            tokens.Add(new Token(TokenKind.Symbol, sym, start));
            i++;
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '\u00B7';

    private static string ReadNcName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        return text.Substring(start, i - start);
    }

    private static string ReadQName(string text, ref int i)
    {
        var start = i;
        ReadNcName(text, ref i);
        if (i + 1 < text.Length && text[i] == ':' && text[i + 1] != ':')
        {
            if (IsNameStart(text[i + 1]))
            {
                i++;
                ReadNcName(text, ref i);
            }
            else if (text[i + 1] == '*')
            {
                i += 2;
            }
        }

        return text.Substring(start, i - start);
    }
}
