namespace Chorus.Invoicing.Validation.Internal.XPath;

internal enum Axis
{
    Child,
    Descendant,
    DescendantOrSelf,
    Self,
    Parent,
    Ancestor,
    AncestorOrSelf,
    Attribute,
    FollowingSibling,
    PrecedingSibling,
    Following,
    Preceding,
}

internal enum TestKind
{
    Name,
    AnyName,
    AnyLocalInNamespace,
    LocalInAnyNamespace,
    AnyNode,
    Text,
    AnyElement,
}

/// <summary>A node test: a name (expanded), a wildcard, or a kind test.</summary>
internal sealed class NodeTest(TestKind kind, string ns, string local)
{
    public TestKind Kind { get; } = kind;

    public string Ns { get; } = ns;

    public string Local { get; } = local;

    public bool Matches(XNode n, Axis axis)
    {
        var principal = axis == Axis.Attribute ? XNodeKind.Attribute : XNodeKind.Element;
        return Kind switch
        {
            TestKind.AnyNode => true,
            TestKind.Text => n.Kind == XNodeKind.Text,
            TestKind.AnyElement => n.Kind == XNodeKind.Element,
            TestKind.AnyName => n.Kind == principal,
            TestKind.AnyLocalInNamespace => n.Kind == principal && n.NamespaceUri == Ns,
            TestKind.LocalInAnyNamespace => n.Kind == principal && n.LocalName == Local,
            _ => n.Kind == principal && n.LocalName == Local && n.NamespaceUri == Ns,
        };
    }
}

/// <summary>An axis step with its predicates. Results are in document order.</summary>
internal sealed class StepExpr(Axis axis, NodeTest test, Expr[] predicates) : Expr
{
    public Axis Axis { get; } = axis;

    public NodeTest Test { get; } = test;

    public Expr[] Predicates { get; } = predicates;

    public override bool MayBePositional => false;

    public override bool Bool(in Ctx c)
    {
        if (Predicates.Length == 0 && Axis == Axis.Child)
        {
            foreach (var ch in c.Node.Children)
            {
                if (Test.Matches(ch, Axis))
                {
                    return true;
                }
            }

            return false;
        }

        return Eval(c).Count > 0;
    }

    public override Seq Eval(in Ctx c)
    {
        var node = c.Node;
        var list = new List<object>();
        switch (Axis)
        {
            case Axis.Child:
                foreach (var ch in node.Children)
                {
                    if (Test.Matches(ch, Axis))
                    {
                        list.Add(ch);
                    }
                }

                break;
            case Axis.Attribute:
                foreach (var a in node.Attributes)
                {
                    if (Test.Matches(a, Axis))
                    {
                        list.Add(a);
                    }
                }

                break;
            case Axis.Self:
                if (Test.Matches(node, Axis))
                {
                    list.Add(node);
                }

                break;
            case Axis.Parent:
                if (node.Parent is { } p && Test.Matches(p, Axis))
                {
                    list.Add(p);
                }

                break;
            case Axis.Descendant:
            case Axis.DescendantOrSelf:
                if (Axis == Axis.DescendantOrSelf && Test.Matches(node, Axis))
                {
                    list.Add(node);
                }

                if (node.Kind == XNodeKind.Document && Test.Kind == TestKind.Name && node.ElementIndex is { } index)
                {
                    if (index.TryGetValue((Test.Ns, Test.Local), out var all))
                    {
                        foreach (var e in all)
                        {
                            list.Add(e);
                        }
                    }
                }
                else
                {
                    AddDescendants(node, list);
                }

                break;
            case Axis.Ancestor:
            case Axis.AncestorOrSelf:
                for (var a = Axis == Axis.AncestorOrSelf ? node : node.Parent; a is not null; a = a.Parent)
                {
                    if (Test.Matches(a, Axis))
                    {
                        list.Add(a);
                    }
                }

                break;
            case Axis.FollowingSibling:
            case Axis.PrecedingSibling:
                if (node.Parent is { } parent && node.Kind != XNodeKind.Attribute)
                {
                    var idx = parent.Children.IndexOf(node);
                    if (Axis == Axis.FollowingSibling)
                    {
                        for (var i = idx + 1; i < parent.Children.Count; i++)
                        {
                            if (Test.Matches(parent.Children[i], Axis))
                            {
                                list.Add(parent.Children[i]);
                            }
                        }
                    }
                    else
                    {
                        for (var i = idx - 1; i >= 0; i--)
                        {
                            if (Test.Matches(parent.Children[i], Axis))
                            {
                                list.Add(parent.Children[i]);
                            }
                        }
                    }
                }

                break;
            case Axis.Following:
            case Axis.Preceding:
                {
                    var all = new List<object>();
                    AddAll(node.Root, all);
                    var ancestors = new HashSet<XNode>();
                    for (var a = node.Parent; a is not null; a = a.Parent)
                    {
                        ancestors.Add(a);
                    }

                    var last = LastDescendantOrder(node);
                    if (Axis == Axis.Following)
                    {
                        foreach (XNode n in all)
                        {
                            if (n.Order > last && Test.Matches(n, Axis))
                            {
                                list.Add(n);
                            }
                        }
                    }
                    else
                    {
                        for (var i = all.Count - 1; i >= 0; i--)
                        {
                            var n = (XNode)all[i];
                            if (n.Order < node.Order && !ancestors.Contains(n) && Test.Matches(n, Axis))
                            {
                                list.Add(n);
                            }
                        }
                    }

                    break;
                }
        }

        Seq s = new(list);
        foreach (var p in Predicates)
        {
            s = XPath.Predicates.Apply(s, p, c);
        }

        if (s.Count > 1 && Axis is Axis.Ancestor or Axis.AncestorOrSelf or Axis.PrecedingSibling or Axis.Preceding)
        {
            var rev = new List<object>(s.Count);
            for (var i = s.Count - 1; i >= 0; i--)
            {
                rev.Add(s[i]);
            }

            return new Seq(rev);
        }

        return s;
    }

    private void AddDescendants(XNode node, List<object> list)
    {
        foreach (var ch in node.Children)
        {
            if (Test.Matches(ch, Axis))
            {
                list.Add(ch);
            }

            if (ch.Children.Count > 0)
            {
                AddDescendants(ch, list);
            }
        }
    }

    private static void AddAll(XNode node, List<object> list)
    {
        foreach (var ch in node.Children)
        {
            list.Add(ch);
            AddAll(ch, list);
        }
    }

    private static int LastDescendantOrder(XNode node)
    {
        var n = node;
        while (n.Children.Count > 0)
        {
            n = n.Children[n.Children.Count - 1];
        }

        return n.Attributes.Count > 0 ? n.Attributes[n.Attributes.Count - 1].Order : n.Order;
    }
}
