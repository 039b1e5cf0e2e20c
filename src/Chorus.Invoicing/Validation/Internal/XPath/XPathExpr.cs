namespace Chorus.Invoicing.Validation.Internal.XPath;

/// <summary>Variables in scope (a short linked list: schematron lets and for/every bindings).</summary>
internal sealed class VarScope(string name, Seq value, VarScope? next)
{
    public string Name { get; } = name;

    public Seq Value { get; } = value;

    public VarScope? Next { get; } = next;

    public static bool TryGet(VarScope? scope, string name, out Seq value)
    {
        for (var s = scope; s is not null; s = s.Next)
        {
            if (s.Name == name)
            {
                value = s.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}

/// <summary>What the host supplies: <c>current()</c> and <c>document()</c> (used by compiled XSLT schematrons).</summary>
internal sealed class XPathHost
{
    public XNode? Current { get; set; }

    public Func<string, XNode?>? Documents { get; set; }
}

/// <summary>The dynamic context: context item, position and size, variables, host.</summary>
internal readonly struct Ctx(object item, int position, int size, VarScope? vars, XPathHost host)
{
    public object Item { get; } = item;

    public int Position { get; } = position;

    public int Size { get; } = size;

    public VarScope? Vars { get; } = vars;

    public XPathHost Host { get; } = host;

    public Ctx With(object item, int position, int size) => new(item, position, size, Vars, Host);

    public Ctx Bind(string name, Seq value) => new(Item, Position, Size, new VarScope(name, value, Vars), Host);

    public XNode Node => Item as XNode ?? throw new XPathDynamicException("XPTY0020: the context item is not a node");
}

/// <summary>A compiled XPath expression.</summary>
internal abstract class Expr
{
    public abstract Seq Eval(in Ctx c);

    public virtual bool Bool(in Ctx c) => XValues.Ebv(Eval(c));

    /// <summary>True when a predicate made of this expression may select by position (numbers, position(), last()).</summary>
    public virtual bool MayBePositional => true;

    internal static Seq SortNodes(List<object> items)
    {
        if (items.Count < 2)
        {
            return new Seq(items);
        }

        var sorted = true;
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i] is not XNode b || items[i - 1] is not XNode a)
            {
                return new Seq(items);
            }

            if (a.Order >= b.Order)
            {
                sorted = false;
            }
        }

        if (!sorted)
        {
            items.Sort(static (x, y) => ((XNode)x).Order.CompareTo(((XNode)y).Order));
            var w = 1;
            for (var i = 1; i < items.Count; i++)
            {
                if (!ReferenceEquals(items[i], items[w - 1]))
                {
                    items[w++] = items[i];
                }
            }

            items.RemoveRange(w, items.Count - w);
        }

        return new Seq(items);
    }
}

internal sealed class LiteralExpr(object value) : Expr
{
    private readonly Seq _value = new(value);

    public object Value { get; } = value;

    public override Seq Eval(in Ctx c) => _value;

    public override bool MayBePositional => Value is decimal or double;
}

internal sealed class EmptyExpr : Expr
{
    public override Seq Eval(in Ctx c) => Seq.Empty;

    public override bool MayBePositional => false;
}

internal sealed class VarExpr(string name) : Expr
{
    public override Seq Eval(in Ctx c) =>
        VarScope.TryGet(c.Vars, name, out var v) ? v : throw new XPathDynamicException($"XPST0008: variable ${name} is not bound");
}

internal sealed class ContextItemExpr : Expr
{
    public override Seq Eval(in Ctx c) => new(c.Item);

    public override bool MayBePositional => false;
}

internal sealed class RootExpr : Expr
{
    public override Seq Eval(in Ctx c) => new(c.Node.Root);

    public override bool MayBePositional => false;
}

internal sealed class SequenceExpr(Expr[] items) : Expr
{
    public override Seq Eval(in Ctx c)
    {
        var list = new List<object>();
        foreach (var e in items)
        {
            var s = e.Eval(c);
            for (var i = 0; i < s.Count; i++)
            {
                list.Add(s[i]);
            }
        }

        return new Seq(list);
    }
}

/// <summary><c>left/right</c>: right evaluated for each item of left; nodes in document order without duplicates.</summary>
internal sealed class PathExpr : Expr
{
    private readonly int[] _requiredNames;

    public PathExpr(Expr left, Expr right)
    {
        Left = left;
        Right = right;
        var names = new List<int>();
        if (StartsInContextDocument(this))
        {
            CollectNames(this, names);
        }

        _requiredNames = [.. names.Distinct()];
    }

    public Expr Left { get; }

    public Expr Right { get; }

    public override bool MayBePositional => false;

    /// <summary>Only a path that starts at the context node or its root walks the context's document (not document(), $var…).</summary>
    private static bool StartsInContextDocument(Expr e)
    {
        while (e is PathExpr p)
        {
            e = p.Left;
        }

        return e is StepExpr or RootExpr or ContextItemExpr;
    }

    /// <summary>The names every step of the path needs: if the document has none of one of them, the path is empty.</summary>
    private static void CollectNames(Expr e, List<int> names)
    {
        switch (e)
        {
            case PathExpr p:
                CollectNames(p.Left, names);
                CollectNames(p.Right, names);
                break;
            case StepExpr { Test.Kind: TestKind.Name } s when s.Axis is Axis.Child or Axis.Descendant or Axis.Attribute or Axis.DescendantAttribute:
                names.Add(s.Test.NameId);
                break;
        }
    }

    private bool CannotMatch(in Ctx c)
    {
        if (_requiredNames.Length == 0 || c.Item is not XNode node)
        {
            return false;
        }

        var document = node.Document;
        foreach (var id in _requiredNames)
        {
            if (document.Lacks(id))
            {
                return true;
            }
        }

        return false;
    }

    public override Seq Eval(in Ctx c)
    {
        if (CannotMatch(c))
        {
            return Seq.Empty;
        }

        var l = Left.Eval(c);
        if (l.Count == 0)
        {
            return Seq.Empty;
        }

        if (l.Count == 1)
        {
            return Right.Eval(c.With(l[0], 1, 1));
        }

        var list = new List<object>();
        var allNodes = true;
        for (var i = 0; i < l.Count; i++)
        {
            var r = Right.Eval(c.With(l[i], i + 1, l.Count));
            for (var j = 0; j < r.Count; j++)
            {
                var item = r[j];
                allNodes &= item is XNode;
                list.Add(item);
            }
        }

        return allNodes ? SortNodes(list) : new Seq(list);
    }

    public override bool Bool(in Ctx c)
    {
        if (CannotMatch(c))
        {
            return false;
        }

        // exists(a/b) style tests: stop at the first node found.
        var l = Left.Eval(c);
        for (var i = 0; i < l.Count; i++)
        {
            var r = Right.Eval(c.With(l[i], i + 1, l.Count));
            if (r.Count > 0)
            {
                if (r[0] is XNode)
                {
                    return true;
                }

                return l.Count == 1 ? XValues.Ebv(r) : XValues.Ebv(Eval(c));
            }
        }

        return false;
    }
}

internal sealed class FilterExpr(Expr primary, Expr[] predicates) : Expr
{
    public override Seq Eval(in Ctx c)
    {
        var s = primary.Eval(c);
        foreach (var p in predicates)
        {
            s = Predicates.Apply(s, p, c);
        }

        return s;
    }
}

internal static class Predicates
{
    public static Seq Apply(Seq input, Expr predicate, in Ctx c)
    {
        if (input.Count == 0)
        {
            return input;
        }

        if (predicate is LiteralExpr { Value: decimal d })
        {
            return d == Math.Floor(d) && d >= 1 && d <= input.Count ? new Seq(input[(int)d - 1]) : Seq.Empty;
        }

        List<object>? kept = null;
        for (var i = 0; i < input.Count; i++)
        {
            var inner = c.With(input[i], i + 1, input.Count);
            bool keep;
            if (predicate.MayBePositional)
            {
                var r = predicate.Eval(inner);
                keep = r.Count == 1 && r[0] is decimal or double ? XValues.ToDouble(r[0]) == i + 1 : XValues.Ebv(r);
            }
            else
            {
                keep = predicate.Bool(inner);
            }

            if (keep)
            {
                (kept ??= []).Add(input[i]);
            }
        }

        return kept is null ? Seq.Empty : new Seq(kept);
    }
}

internal sealed class OrExpr(Expr a, Expr b) : Expr
{
    public override Seq Eval(in Ctx c) => Seq.Of(Bool(c));

    public override bool Bool(in Ctx c) => a.Bool(c) || b.Bool(c);

    public override bool MayBePositional => false;
}

internal sealed class AndExpr(Expr a, Expr b) : Expr
{
    public override Seq Eval(in Ctx c) => Seq.Of(Bool(c));

    public override bool Bool(in Ctx c) => a.Bool(c) && b.Bool(c);

    public override bool MayBePositional => false;
}

internal sealed class IfExpr(Expr test, Expr then, Expr otherwise) : Expr
{
    public override Seq Eval(in Ctx c) => test.Bool(c) ? then.Eval(c) : otherwise.Eval(c);
}

internal sealed class ForExpr(string variable, Expr source, Expr body) : Expr
{
    public override Seq Eval(in Ctx c)
    {
        var s = source.Eval(c);
        var list = new List<object>();
        for (var i = 0; i < s.Count; i++)
        {
            var r = body.Eval(c.Bind(variable, new Seq(s[i])));
            for (var j = 0; j < r.Count; j++)
            {
                list.Add(r[j]);
            }
        }

        return new Seq(list);
    }
}

internal sealed class QuantifiedExpr(bool every, string variable, Expr source, Expr body) : Expr
{
    public override Seq Eval(in Ctx c) => Seq.Of(Bool(c));

    public override bool MayBePositional => false;

    public override bool Bool(in Ctx c)
    {
        var s = source.Eval(c);
        for (var i = 0; i < s.Count; i++)
        {
            var r = body.Bool(c.Bind(variable, new Seq(s[i])));
            if (every && !r)
            {
                return false;
            }

            if (!every && r)
            {
                return true;
            }
        }

        return every;
    }
}

internal sealed class CompareExpr(Expr a, Expr b, string op, bool general) : Expr
{
    public override Seq Eval(in Ctx c)
    {
        if (general)
        {
            return Seq.Of(Bool(c));
        }

        var x = a.Eval(c);
        var y = b.Eval(c);
        if (x.Count == 0 || y.Count == 0)
        {
            return Seq.Empty;
        }

        if (x.Count > 1 || y.Count > 1)
        {
            throw new XPathDynamicException("XPTY0004: value comparison of a sequence of several items");
        }

        return Seq.Of(Test(XValues.Atomize(x[0]), XValues.Atomize(y[0]), false));
    }

    public override bool MayBePositional => false;

    public override bool Bool(in Ctx c)
    {
        if (!general)
        {
            return XValues.Ebv(Eval(c));
        }

        var x = a.Eval(c);
        if (x.Count == 0)
        {
            return false;
        }

        var y = b.Eval(c);
        for (var i = 0; i < x.Count; i++)
        {
            var ax = XValues.Atomize(x[i]);
            for (var j = 0; j < y.Count; j++)
            {
                if (Test(ax, XValues.Atomize(y[j]), true))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Test(object x, object y, bool isGeneral)
    {
        var r = XValues.Compare(x, y, isGeneral, out var comparable);
        if (!comparable)
        {
            return op == "!=";
        }

        return op switch
        {
            "=" => r == 0,
            "!=" => r != 0,
            "<" => r < 0,
            "<=" => r <= 0,
            ">" => r > 0,
            _ => r >= 0,
        };
    }
}

internal sealed class ArithExpr(Expr a, Expr b, char op) : Expr
{
    public override bool MayBePositional => true;

    public override Seq Eval(in Ctx c)
    {
        var x = a.Eval(c);
        var y = b.Eval(c);
        if (x.Count == 0 || y.Count == 0)
        {
            return Seq.Empty;
        }

        if (x.Count > 1 || y.Count > 1)
        {
            throw new XPathDynamicException("XPTY0004: arithmetic on a sequence of several items");
        }

        return new Seq(Apply(Numeric(x[0]), Numeric(y[0]), op));
    }

    internal static object Numeric(object item)
    {
        var v = XValues.Atomize(item);
        return v switch
        {
            decimal or double => v,
            Untyped u => XValues.ParseDouble(u.Value),
            _ => throw new XPathDynamicException("XPTY0004: arithmetic on a non-numeric value"),
        };
    }

    internal static object Apply(object x, object y, char op)
    {
        if (x is decimal dx && y is decimal dy)
        {
            try
            {
                switch (op)
                {
                    case '+': return dx + dy;
                    case '-': return dx - dy;
                    case '*': return dx * dy;
                    case '/':
                        if (dy == 0)
                        {
                            throw new XPathDynamicException("FOAR0001: division by zero");
                        }

                        return dx / dy;
                    default:
                        if (dy == 0)
                        {
                            throw new XPathDynamicException("FOAR0001: division by zero");
                        }

                        return dx % dy;
                }
            }
            catch (OverflowException)
            {
                throw new XPathDynamicException("FOAR0002: numeric overflow");
            }
        }

        var fx = XValues.ToDouble(x);
        var fy = XValues.ToDouble(y);
        return op switch
        {
            '+' => fx + fy,
            '-' => fx - fy,
            '*' => fx * fy,
            '/' => fx / fy,
            _ => fx % fy,
        };
    }
}

internal sealed class NegateExpr(Expr a) : Expr
{
    public override Seq Eval(in Ctx c)
    {
        var x = a.Eval(c);
        if (x.Count == 0)
        {
            return Seq.Empty;
        }

        var n = ArithExpr.Numeric(x[0]);
        return new Seq(n is decimal d ? -d : -(double)n);
    }
}

internal sealed class UnionExpr(Expr a, Expr b, string op) : Expr
{
    public Expr Left => a;

    public Expr Right => b;

    public string Operator => op;

    public override bool MayBePositional => false;

    public override Seq Eval(in Ctx c)
    {
        var x = a.Eval(c);
        var y = b.Eval(c);
        var list = new List<object>(x.Count + y.Count);
        if (op == "union")
        {
            for (var i = 0; i < x.Count; i++)
            {
                list.Add(x[i]);
            }

            for (var i = 0; i < y.Count; i++)
            {
                list.Add(y[i]);
            }
        }
        else
        {
            var set = new HashSet<object>();
            for (var i = 0; i < y.Count; i++)
            {
                set.Add(y[i]);
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (set.Contains(x[i]) == (op == "intersect"))
                {
                    list.Add(x[i]);
                }
            }
        }

        foreach (var o in list)
        {
            if (o is not XNode)
            {
                throw new XPathDynamicException("XPTY0004: union of non-node values");
            }
        }

        return SortNodes(list);
    }
}

internal sealed class CastExpr(Expr a, string type, bool castable) : Expr
{
    public override Seq Eval(in Ctx c)
    {
        var x = a.Eval(c);
        if (castable)
        {
            try
            {
                if (x.Count != 1)
                {
                    return Seq.Of(x.Count == 0 && type.EndsWith("?", StringComparison.Ordinal));
                }

                _ = Cast(x[0], type.TrimEnd('?'));
                return Seq.Of(true);
            }
            catch (XPathDynamicException)
            {
                return Seq.Of(false);
            }
        }

        if (x.Count == 0)
        {
            return type.EndsWith("?", StringComparison.Ordinal) ? Seq.Empty : throw new XPathDynamicException("XPTY0004: cast of an empty sequence");
        }

        if (x.Count > 1)
        {
            throw new XPathDynamicException("XPTY0004: cast of a sequence of several items");
        }

        return new Seq(Cast(x[0], type.TrimEnd('?')));
    }

    public static object Cast(object item, string type) => type switch
    {
        "xs:boolean" => XValues.ToBoolean(item),
        "xs:decimal" => XValues.ToDecimal(item),
        "xs:integer" => Math.Truncate(XValues.ToDecimal(item)),
        "xs:double" or "xs:float" => XValues.ToDouble(item),
        "xs:date" => XValues.ToDate(item),
        "xs:string" or "xs:normalizedString" or "xs:token" => XValues.StringOf(item),
        _ => throw new XPathDynamicException($"XPST0051: unsupported cast to {type}"),
    };
}

/// <summary><c>a is b</c>, <c>a &lt;&lt; b</c>, <c>a &gt;&gt; b</c>: node identity and document order.</summary>
internal sealed class NodeCompareExpr(Expr a, Expr b, string op) : Expr
{
    public override bool MayBePositional => false;

    public override Seq Eval(in Ctx c)
    {
        var x = a.Eval(c);
        var y = b.Eval(c);
        if (x.Count == 0 || y.Count == 0)
        {
            return Seq.Empty;
        }

        if (x[0] is not XNode nx || y[0] is not XNode ny || x.Count > 1 || y.Count > 1)
        {
            throw new XPathDynamicException("XPTY0004: node comparison needs single nodes");
        }

        return Seq.Of(op switch
        {
            "is" => ReferenceEquals(nx, ny),
            "<<" => nx.Order < ny.Order,
            _ => nx.Order > ny.Order,
        });
    }
}

/// <summary>
/// A document-level expression (an absolute path without variables) evaluated once per document and shared by every
/// rule that uses it. The cache is one reference, replaced atomically: concurrent validations only recompute.
/// </summary>
internal sealed class MemoExpr(Expr inner) : Expr
{
    private Entry? _last;

    public override bool MayBePositional => inner.MayBePositional;

    public override Seq Eval(in Ctx c)
    {
        if (c.Item is not XNode node)
        {
            return inner.Eval(c);
        }

        var document = node.Document;
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Document, document))
        {
            return last.Result;
        }

        var result = inner.Eval(c);
        Volatile.Write(ref _last, new Entry(document, result));
        return result;
    }

    private sealed class Entry(XNode document, Seq result)
    {
        public XNode Document { get; } = document;

        public Seq Result { get; } = result;
    }
}
