namespace Chorus.Invoicing.Validation.Internal.XPath;

/// <summary>A function declared by a rule table (the fr-ctc stylesheets' <c>xsl:function</c>s): parameters, variables, result.</summary>
internal sealed class UserFunction(string name, IReadOnlyList<(string Name, string Type)> parameters, IReadOnlyList<(string Name, Expr Value)> lets, Expr result)
{
    public string Name { get; } = name;

    public int Arity => parameters.Count;

    public Seq Invoke(in Ctx caller, Expr[] args)
    {
        // A function body sees only its parameters (no outer variables, no context item of its own).
        var ctx = new Ctx(caller.Item, 1, 1, null, caller.Host);
        for (var i = 0; i < parameters.Count; i++)
        {
            ctx = ctx.Bind(parameters[i].Name, Convert(args[i].Eval(caller), parameters[i].Type));
        }

        foreach (var (n, value) in lets)
        {
            ctx = ctx.Bind(n, value.Eval(ctx));
        }

        return result.Eval(ctx);
    }

    /// <summary>The function conversion rules for the declared type: atomise, cast untyped values.</summary>
    private static Seq Convert(Seq value, string type)
    {
        var t = type.TrimEnd('?', '*', '+');
        if (t.Length == 0 || t.StartsWith("item", StringComparison.Ordinal) || t.StartsWith("node", StringComparison.Ordinal) || t.StartsWith("element", StringComparison.Ordinal))
        {
            return value;
        }

        var list = new List<object>(value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            var a = XValues.Atomize(value[i]);
            list.Add(a is Untyped u ? t switch
            {
                "xs:string" or "xs:anyAtomicType" => u.Value,
                _ => CastExpr.Cast(u, t),
            } : a);
        }

        return new Seq(list);
    }
}

/// <summary>The user functions of one rule table, resolved by name at call time (bodies may call functions declared later).</summary>
internal sealed class UserFunctionTable
{
    private readonly Dictionary<string, UserFunction> _functions = new(StringComparer.Ordinal);

    public void Add(UserFunction f) => _functions[f.Name + "#" + f.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture)] = f;

    public Expr Call(string name, Expr[] args) => new UserCallExpr(this, name + "#" + args.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), args);

    private sealed class UserCallExpr(UserFunctionTable table, string key, Expr[] args) : Expr
    {
        private UserFunction? _resolved;

        public override Seq Eval(in Ctx c)
        {
            var f = _resolved ??= table._functions.TryGetValue(key, out var found) ? found : throw new XPathDynamicException("XPST0017: unknown function " + key);
            return f.Invoke(c, args);
        }
    }
}
