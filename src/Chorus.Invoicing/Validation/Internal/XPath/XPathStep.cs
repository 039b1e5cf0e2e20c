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

    /// <summary>Not an XPath axis: <c>descendant-or-self::node()/attribute::</c>, what <c>//@name</c> means.</summary>
    DescendantAttribute,
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
    public int NameId { get; } = kind == TestKind.Name ? XNames.Register(ns, local) : XNames.Unknown;

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
            // Nodes read before a rule table registered their name carry no id: compare the names then.
            _ => n.Kind == principal && (n.NameId == NameId || (n.NameId == XNames.Unknown && n.LocalName == Local && n.NamespaceUri == Ns)),
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

    /// <summary>A name step that cannot select anything in this document (the name occurs nowhere in it).</summary>
    private bool Absent(XNode node) => Test.Kind == TestKind.Name && (Axis is Axis.Child or Axis.Descendant or Axis.DescendantAttribute or Axis.Attribute) && node.Document.Lacks(Test.NameId);

    public override bool Bool(in Ctx c)
    {
        if (Absent(c.Node))
        {
            return false;
        }

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
        if (Absent(node))
        {
            return Seq.Empty;
        }

        if (Axis == Axis.Child && Predicates.Length == 0)
        {
            return ChildrenOf(node);
        }

        if (Axis == Axis.Descendant && node.Kind == XNodeKind.Document && Test.Kind == TestKind.Name && node.ElementIndex is { } byName)
        {
            // //name from the root: the document's index, in document order; shared, never mutated by the callers.
            var all = byName.TryGetValue((Test.Ns, Test.Local), out var found) ? new Seq(found) : Seq.Empty;
            foreach (var p in Predicates)
            {
                all = XPath.Predicates.Apply(all, p, c);
            }

            return all;
        }

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
            case Axis.DescendantAttribute:
                if (node.Kind == XNodeKind.Document && Test.Kind == TestKind.Name && node.AttributeIndex is { } attributes)
                {
                    if (attributes.TryGetValue((Test.Ns, Test.Local), out var found))
                    {
                        foreach (var a in found)
                        {
                            list.Add(a);
                        }
                    }
                }
                else
                {
                    AddDescendantAttributes(node, list);
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

    private Seq ChildrenOf(XNode node)
    {
        XNode? first = null;
        List<object>? more = null;
        foreach (var ch in node.Children)
        {
            if (Test.Matches(ch, Axis.Child))
            {
                if (first is null)
                {
                    first = ch;
                }
                else
                {
                    (more ??= [first]).Add(ch);
                }
            }
        }

        return more is not null ? new Seq(more) : first is not null ? new Seq(first) : Seq.Empty;
    }

    private void AddDescendantAttributes(XNode node, List<object> list)
    {
        foreach (var a in node.Attributes)
        {
            if (Test.Matches(a, Axis.Attribute))
            {
                list.Add(a);
            }
        }

        foreach (var ch in node.Children)
        {
            if (ch.Kind == XNodeKind.Element)
            {
                AddDescendantAttributes(ch, list);
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
