namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>A page and the resources it inherits from its ancestors (§7.7.3.4).</summary>
internal sealed record PageRef(int Number, PdfDictionary Page, PdfDictionary? Resources);

/// <summary>
/// Finds page n by descending the page tree with the /Count of each node: only the nodes on the path to the page are
/// loaded, so finding the last page of a 1,000-page file costs a few object reads. Loops and depth are bounded.
/// </summary>
internal static class PageTree
{
    /// <summary>The page count the root claims (not verified: counting would walk every page), or 0.</summary>
    public static int Count(PdfFile file)
    {
        var root = file.ResolveDictionary(file.Catalog["Pages"]);
        if (root is null)
        {
            return 0;
        }

        if (root.NameOf("Type") == "Page")
        {
            return 1; // a damaged file whose /Pages points at a page
        }

        return file.Resolve(root["Count"]) is PdfNumber n && n.Value >= 0 ? (int)Math.Min(n.Value, int.MaxValue) : 0;
    }

    /// <summary>Page <paramref name="number"/> (1-based), or null when the tree does not lead to it.</summary>
    public static PageRef? Find(PdfFile file, int number)
    {
        var node = file.ResolveDictionary(file.Catalog["Pages"]);
        var resources = (PdfDictionary?)null;
        var remaining = number - 1;
        var visited = new HashSet<PdfDictionary>();
        for (var depth = 0; node is not null && depth <= file.Options.MaxDepth; depth++)
        {
            if (!visited.Add(node))
            {
                return null; // a loop in the page tree
            }

            resources = file.ResolveDictionary(node["Resources"]) ?? resources;
            if (node.NameOf("Type") == "Page" || (!node.Contains("Kids") && node.Contains("Contents")))
            {
                return remaining == 0 ? new PageRef(number, node, resources) : null;
            }

            if (file.Resolve(node["Kids"]) is not PdfArray kids)
            {
                return null;
            }

            PdfDictionary? next = null;
            // A node whose /Count equals its number of kids has one page per kid (the common flat tree): jump straight
            // to the kid, so finding the last of 1,000 pages does not load the 999 before it. Verified below: a kid
            // that is not a single page falls back to the walk.
            var nodeCount = file.Resolve(node["Count"]) is PdfNumber nc ? (long)nc.Value : -1;
            if (nodeCount == kids.Count && remaining < kids.Count && file.ResolveDictionary(kids[remaining]) is { } direct
                && (direct.NameOf("Type") == "Page" || (!direct.Contains("Kids") && direct.Contains("Contents"))))
            {
                node = direct;
                remaining = 0;
                continue;
            }

            foreach (var kid in kids.Items)
            {
                var k = file.ResolveDictionary(kid);
                if (k is null)
                {
                    continue;
                }

                var count = k.NameOf("Type") == "Page" || !k.Contains("Kids") ? 1 : (file.Resolve(k["Count"]) is PdfNumber c ? (long)c.Value : 0);
                if (remaining < count)
                {
                    next = k;
                    break;
                }

                remaining -= (int)Math.Min(count, int.MaxValue);
            }

            node = next;
        }

        return null;
    }
}
