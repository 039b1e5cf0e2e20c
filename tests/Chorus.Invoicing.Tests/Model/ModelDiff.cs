using System.Collections;
using System.Reflection;
using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Tests.Model;

/// <summary>Test helper: the property paths where two models differ, for readable failures.</summary>
internal static class ModelDiff
{
    public static List<string> Of(object? a, object? b, string path = "")
    {
        var diffs = new List<string>();
        Walk(a, b, path, diffs);
        return diffs;
    }

    public static void AssertEqual(Invoice expected, Invoice actual)
    {
        var diffs = Of(expected, actual);
        Assert.True(diffs.Count == 0, "models differ at: " + string.Join("; ", diffs.Take(10)));
        Assert.Equal(expected, actual);
    }

    private static void Walk(object? a, object? b, string path, List<string> diffs)
    {
        if (Equals(a, b))
        {
            return;
        }

        if (a is null || b is null || a.GetType() != b.GetType() || a is string || a.GetType().IsPrimitive || a is Amount or Quantity or Percentage or DateValue)
        {
            diffs.Add($"{path}: {a} ≠ {b}");
            return;
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            var la = ea.Cast<object?>().ToList();
            var lb = eb.Cast<object?>().ToList();
            if (la.Count != lb.Count)
            {
                diffs.Add($"{path}: {la.Count} items ≠ {lb.Count} items");
                return;
            }

            for (var i = 0; i < la.Count; i++)
            {
                Walk(la[i], lb[i], $"{path}[{i}]", diffs);
            }

            return;
        }

        var before = diffs.Count;
        foreach (var p in a.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(SourceLocation) && !p.PropertyType.IsByRefLike)
            {
                Walk(p.GetValue(a), p.GetValue(b), path + "." + p.Name, diffs);
            }
        }

        if (diffs.Count == before)
        {
            diffs.Add($"{path}: {a} ≠ {b}");
        }
    }
}
