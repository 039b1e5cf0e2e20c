using System.Globalization;

namespace Chorus.Invoicing.Validation.Internal.XPath;

/// <summary>
/// A recursive-descent parser for the XPath 2.0 subset the official EN 16931 and Factur-X schematrons use
/// (paths and axes, predicates, general and value comparisons, arithmetic, unions, for/some/every/if, casts, functions).
/// </summary>
internal sealed class XPathParser
{
    private readonly List<Token> _tokens;
    private readonly IReadOnlyDictionary<string, string> _namespaces;
    private readonly string _text;
    private readonly Dictionary<string, Expr>? _shared;
    private readonly UserFunctionTable? _functions;
    private int _pos;

    private XPathParser(string text, IReadOnlyDictionary<string, string> namespaces, Dictionary<string, Expr>? shared, UserFunctionTable? functions)
    {
        _functions = functions;
        _text = text;
        _tokens = XPathLexer.Tokenize(text);
        _namespaces = namespaces;
        _shared = shared;
    }

    /// <summary>
    /// Parses an expression. With <paramref name="shared"/>, absolute paths that depend on nothing but the document
    /// (no variables, no current()) are shared between all expressions parsed with the same table and evaluated once
    /// per document: the official rules repeat the same <c>//cac:TaxCategory[…]</c> tests dozens of times.
    /// </summary>
    public static Expr Parse(string text, IReadOnlyDictionary<string, string> namespaces, Dictionary<string, Expr>? shared = null, UserFunctionTable? functions = null)
    {
        var p = new XPathParser(text, namespaces, shared, functions);
        var e = p.ParseExpr();
        if (p.Peek.Kind != TokenKind.End)
        {
            throw p.Error("unexpected token '" + p.Peek.Text + "'");
        }

        return e;
    }

    private Token Peek => _tokens[_pos];

    private Token PeekAt(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private Token Next() => _tokens[_pos++];

    private bool IsSymbol(string s) => Peek.Kind == TokenKind.Symbol && Peek.Text == s;

    private bool IsKeyword(string s) => Peek.Kind == TokenKind.Name && Peek.Text == s;

    private FormatException Error(string what) => new($"XPath: {what} at {Peek.Position} in: {_text}");

    private void Expect(string symbol)
    {
        if (!IsSymbol(symbol))
        {
            throw Error($"expected '{symbol}'");
        }

        _pos++;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword))
        {
            throw Error($"expected '{keyword}'");
        }

        _pos++;
    }

    private Expr ParseExpr()
    {
        var first = ParseSingle();
        if (!IsSymbol(","))
        {
            return first;
        }

        var items = new List<Expr> { first };
        while (IsSymbol(","))
        {
            _pos++;
            items.Add(ParseSingle());
        }

        return new SequenceExpr([.. items]);
    }

    private Expr ParseSingle()
    {
        if (Peek.Kind == TokenKind.Name && PeekAt(1).Kind == TokenKind.Variable)
        {
            switch (Peek.Text)
            {
                case "for":
                    return ParseBindings(static (v, src, body) => new ForExpr(v, src, body), "return");
                case "some":
                    return ParseBindings(static (v, src, body) => new QuantifiedExpr(false, v, src, body), "satisfies");
                case "every":
                    return ParseBindings(static (v, src, body) => new QuantifiedExpr(true, v, src, body), "satisfies");
            }
        }

        if (IsKeyword("if") && PeekAt(1) is { Kind: TokenKind.Symbol, Text: "(" })
        {
            _pos += 2;
            var test = ParseExpr();
            Expect(")");
            ExpectKeyword("then");
            var then = ParseSingle();
            ExpectKeyword("else");
            var otherwise = ParseSingle();
            return new IfExpr(test, then, otherwise);
        }

        return ParseOr();
    }

    private Expr ParseBindings(Func<string, Expr, Expr, Expr> make, string bodyKeyword)
    {
        _pos++;
        var bindings = new List<(string, Expr)>();
        do
        {
            if (IsSymbol(","))
            {
                _pos++;
            }

            var v = Next();
            if (v.Kind != TokenKind.Variable)
            {
                throw Error("expected a variable");
            }

            ExpectKeyword("in");
            bindings.Add((v.Text, ParseSingle()));
        }
        while (IsSymbol(","));

        ExpectKeyword(bodyKeyword);
        var body = ParseSingle();
        for (var i = bindings.Count - 1; i >= 0; i--)
        {
            body = make(bindings[i].Item1, bindings[i].Item2, body);
        }

        return body;
    }

    private Expr ParseOr()
    {
        var e = ParseAnd();
        while (IsKeyword("or"))
        {
            _pos++;
            e = new OrExpr(e, ParseAnd());
        }

        return e;
    }

    private Expr ParseAnd()
    {
        var e = ParseComparison();
        while (IsKeyword("and"))
        {
            _pos++;
            e = new AndExpr(e, ParseComparison());
        }

        return e;
    }

    private Expr ParseComparison()
    {
        var e = ParseRange();
        if (Peek.Kind == TokenKind.Symbol && Peek.Text is "=" or "!=" or "<" or "<=" or ">" or ">=")
        {
            var op = Next().Text;
            return new CompareExpr(e, ParseRange(), op, true);
        }

        if (Peek.Kind == TokenKind.Name && Peek.Text is "eq" or "ne" or "lt" or "le" or "gt" or "ge")
        {
            var op = Next().Text switch
            {
                "eq" => "=",
                "ne" => "!=",
                "lt" => "<",
                "le" => "<=",
                "gt" => ">",
                _ => ">=",
            };
            return new CompareExpr(e, ParseRange(), op, false);
        }

        if (IsKeyword("is") || IsSymbol("<<") || IsSymbol(">>"))
        {
            var op = Next().Text;
            return new NodeCompareExpr(e, ParseRange(), op);
        }

        return e;
    }

    private Expr ParseRange()
    {
        var e = ParseAdditive();
        if (IsKeyword("to"))
        {
            throw Error("range expressions are not supported");
        }

        return e;
    }

    private Expr ParseAdditive()
    {
        var e = ParseMultiplicative();
        while (IsSymbol("+") || IsSymbol("-"))
        {
            var op = Next().Text[0];
            e = new ArithExpr(e, ParseMultiplicative(), op);
        }

        return e;
    }

    private Expr ParseMultiplicative()
    {
        var e = ParseUnion();
        while (true)
        {
            if (IsSymbol("*"))
            {
                _pos++;
                e = new ArithExpr(e, ParseUnion(), '*');
            }
            else if (IsKeyword("div"))
            {
                _pos++;
                e = new ArithExpr(e, ParseUnion(), '/');
            }
            else if (IsKeyword("mod"))
            {
                _pos++;
                e = new ArithExpr(e, ParseUnion(), '%');
            }
            else if (IsKeyword("idiv"))
            {
                _pos++;
                e = new CastExpr(new ArithExpr(e, ParseUnion(), '/'), "xs:integer", false);
            }
            else
            {
                return e;
            }
        }
    }

    private Expr ParseUnion()
    {
        var e = ParseIntersect();
        while (IsSymbol("|") || IsKeyword("union"))
        {
            _pos++;
            e = new UnionExpr(e, ParseIntersect(), "union");
        }

        return e;
    }

    private Expr ParseIntersect()
    {
        var e = ParseCast();
        while (IsKeyword("intersect") || IsKeyword("except"))
        {
            var op = Next().Text;
            e = new UnionExpr(e, ParseCast(), op);
        }

        return e;
    }

    private Expr ParseCast()
    {
        var e = ParseUnary();
        if ((IsKeyword("cast") || IsKeyword("castable")) && PeekAt(1) is { Kind: TokenKind.Name, Text: "as" })
        {
            var castable = Next().Text == "castable";
            _pos++;
            var type = Next().Text;
            if (IsSymbol("?") )
            {
                _pos++;
                type += "?";
            }

            return new CastExpr(e, type, castable);
        }

        return e;
    }

    private Expr ParseUnary()
    {
        if (IsSymbol("-"))
        {
            _pos++;
            return new NegateExpr(ParseUnary());
        }

        if (IsSymbol("+"))
        {
            _pos++;
            return ParseUnary();
        }

        return ParsePath();
    }

    private Expr ParsePath()
    {
        var start = Peek.Position;
        var absolute = IsSymbol("/") || IsSymbol("//");
        var e = ParsePathUnshared();
        if (!absolute || _shared is null)
        {
            return e;
        }

        var source = _text.Substring(start, Peek.Position - start).Trim();
        if (source.IndexOf('$') >= 0 || source.Contains("current("))
        {
            return e;
        }

        if (!_shared.TryGetValue(source, out var shared))
        {
            _shared[source] = shared = new MemoExpr(e);
        }

        return shared;
    }

    private Expr ParsePathUnshared()
    {
        if (IsSymbol("/"))
        {
            _pos++;
            if (StartsStep())
            {
                return new PathExpr(new RootExpr(), ParseRelative());
            }

            return new RootExpr();
        }

        if (IsSymbol("//"))
        {
            _pos++;
            return ContinueRelative(Descendants(new RootExpr(), ParseStep()));
        }

        return ParseRelative();
    }

    private bool StartsStep()
    {
        var t = Peek;
        return t.Kind is TokenKind.Name or TokenKind.Axis or TokenKind.Variable or TokenKind.String or TokenKind.Number
            || (t.Kind == TokenKind.Symbol && t.Text is "@" or "*" or "." or ".." or "(");
    }

    private Expr ParseRelative() => ContinueRelative(ParseStep());

    private Expr ContinueRelative(Expr e)
    {
        while (true)
        {
            if (IsSymbol("/"))
            {
                _pos++;
                e = new PathExpr(e, ParseStep());
            }
            else if (IsSymbol("//"))
            {
                _pos++;
                e = Descendants(e, ParseStep());
            }
            else
            {
                return e;
            }
        }
    }

    /// <summary>
    /// <c>a//b</c>: when b is a child step without positional predicates this is <c>a/descendant::b</c>; <c>a//@x</c> uses
    /// the document's attribute index; <c>a//(b|c)</c> is <c>a//b | a//c</c>. Otherwise the generic
    /// <c>a/descendant-or-self::node()/b</c>.
    /// </summary>
    private static Expr Descendants(Expr left, Expr step)
    {
        if (step is StepExpr { Axis: Axis.Child } s && s.Predicates.All(static p => !p.MayBePositional))
        {
            return new PathExpr(left, new StepExpr(Axis.Descendant, s.Test, s.Predicates));
        }

        if (step is StepExpr { Axis: Axis.Attribute } at && at.Predicates.All(static p => !p.MayBePositional))
        {
            return new PathExpr(left, new StepExpr(Axis.DescendantAttribute, at.Test, at.Predicates));
        }

        if (step is UnionExpr { Operator: "union" } u && IsChildSteps(u))
        {
            return new UnionExpr(Descendants(left, u.Left), Descendants(left, u.Right), "union");
        }

        return new PathExpr(new PathExpr(left, new StepExpr(Axis.DescendantOrSelf, new NodeTest(TestKind.AnyNode, string.Empty, string.Empty), [])), step);
    }

    private static bool IsChildSteps(Expr e) => e switch
    {
        StepExpr { Axis: Axis.Child } s => s.Predicates.All(static p => !p.MayBePositional),
        UnionExpr { Operator: "union" } u => IsChildSteps(u.Left) && IsChildSteps(u.Right),
        _ => false,
    };

    private Expr ParseStep()
    {
        var t = Peek;
        if (t.Kind == TokenKind.Symbol && t.Text == ".")
        {
            _pos++;
            return WithPredicates(new ContextItemExpr());
        }

        if (t.Kind == TokenKind.Symbol && t.Text == "..")
        {
            _pos++;
            return new StepExpr(Axis.Parent, new NodeTest(TestKind.AnyNode, string.Empty, string.Empty), []);
        }

        if (t.Kind == TokenKind.Symbol && t.Text == "@")
        {
            _pos++;
            return AxisStep(Axis.Attribute);
        }

        if (t.Kind == TokenKind.Axis)
        {
            _pos++;
            var axis = t.Text switch
            {
                "child" => Axis.Child,
                "descendant" => Axis.Descendant,
                "descendant-or-self" => Axis.DescendantOrSelf,
                "self" => Axis.Self,
                "parent" => Axis.Parent,
                "ancestor" => Axis.Ancestor,
                "ancestor-or-self" => Axis.AncestorOrSelf,
                "attribute" => Axis.Attribute,
                "following-sibling" => Axis.FollowingSibling,
                "preceding-sibling" => Axis.PrecedingSibling,
                "following" => Axis.Following,
                "preceding" => Axis.Preceding,
                _ => throw Error("unknown axis " + t.Text),
            };
            return AxisStep(axis);
        }

        if (t.Kind == TokenKind.String)
        {
            _pos++;
            return WithPredicates(new LiteralExpr(t.Text));
        }

        if (t.Kind == TokenKind.Number)
        {
            _pos++;
            object value = t.Text.IndexOfAny(['e', 'E']) >= 0
                ? double.Parse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture)
                : decimal.Parse(t.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return WithPredicates(new LiteralExpr(value));
        }

        if (t.Kind == TokenKind.Variable)
        {
            _pos++;
            return WithPredicates(new VarExpr(t.Text));
        }

        if (t.Kind == TokenKind.Symbol && t.Text == "(")
        {
            _pos++;
            if (IsSymbol(")"))
            {
                _pos++;
                return WithPredicates(new EmptyExpr());
            }

            var inner = ParseExpr();
            Expect(")");
            return WithPredicates(inner);
        }

        if (t.Kind == TokenKind.Name && PeekAt(1) is { Kind: TokenKind.Symbol, Text: "(" } && !IsKindTest(t.Text))
        {
            _pos += 2;
            var args = new List<Expr>();
            if (!IsSymbol(")"))
            {
                args.Add(ParseSingle());
                while (IsSymbol(","))
                {
                    _pos++;
                    args.Add(ParseSingle());
                }
            }

            Expect(")");
            var call = _functions is not null && t.Text.IndexOf(':') > 0 && !t.Text.StartsWith("xs:", StringComparison.Ordinal) && !t.Text.StartsWith("fn:", StringComparison.Ordinal)
                ? _functions.Call(t.Text, [.. args])
                : XPathFunctions.Create(t.Text, [.. args]);
            return WithPredicates(call);
        }

        return AxisStep(Axis.Child);
    }

    private static bool IsKindTest(string name) => name is "node" or "text" or "element" or "attribute" or "comment" or "processing-instruction";

    private Expr WithPredicates(Expr primary)
    {
        if (!IsSymbol("["))
        {
            return primary;
        }

        return new FilterExpr(primary, ParsePredicates());
    }

    private Expr[] ParsePredicates()
    {
        var list = new List<Expr>();
        while (IsSymbol("["))
        {
            _pos++;
            list.Add(ParseExpr());
            Expect("]");
        }

        return [.. list];
    }

    private StepExpr AxisStep(Axis axis)
    {
        var t = Next();
        NodeTest test;
        if (t.Kind == TokenKind.Symbol && t.Text == "*")
        {
            test = new NodeTest(TestKind.AnyName, string.Empty, string.Empty);
        }
        else if (t.Kind == TokenKind.Name && IsKindTest(t.Text) && IsSymbol("("))
        {
            _pos++;
            Expect(")");
            test = t.Text switch
            {
                "node" => new NodeTest(TestKind.AnyNode, string.Empty, string.Empty),
                "text" => new NodeTest(TestKind.Text, string.Empty, string.Empty),
                "element" => new NodeTest(TestKind.AnyElement, string.Empty, string.Empty),
                _ => new NodeTest(TestKind.AnyName, string.Empty, string.Empty),
            };
        }
        else if (t.Kind == TokenKind.Name)
        {
            test = NameTest(t.Text);
        }
        else
        {
            _pos--;
            throw Error("expected a step");
        }

        return new StepExpr(axis, test, ParsePredicates());
    }

    private NodeTest NameTest(string qname)
    {
        if (qname.StartsWith("*:", StringComparison.Ordinal))
        {
            return new NodeTest(TestKind.LocalInAnyNamespace, string.Empty, qname.Substring(2));
        }

        var colon = qname.IndexOf(':');
        if (colon < 0)
        {
            return new NodeTest(TestKind.Name, string.Empty, qname);
        }

        var prefix = qname.Substring(0, colon);
        if (!_namespaces.TryGetValue(prefix, out var ns))
        {
            throw Error("undeclared namespace prefix " + prefix);
        }

        var local = qname.Substring(colon + 1);
        return local == "*" ? new NodeTest(TestKind.AnyLocalInNamespace, ns, string.Empty) : new NodeTest(TestKind.Name, ns, local);
    }
}
