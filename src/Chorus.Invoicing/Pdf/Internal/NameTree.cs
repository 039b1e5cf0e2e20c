namespace Chorus.Invoicing.Pdf.Internal;

/// <summary>Walks a name tree (§7.9.6) with loop detection, a depth bound and an entry bound.</summary>
internal static class NameTree
{
    public static List<(string Key, PdfObject Value)> Entries(PdfFile file, PdfObject? root)
    {
        var result = new List<(string, PdfObject)>();
        var visited = new HashSet<PdfDictionary>();
        Walk(file, file.ResolveDictionary(root), 0, visited, result);
        return result;
    }

    private static void Walk(PdfFile file, PdfDictionary? node, int depth, HashSet<PdfDictionary> visited, List<(string, PdfObject)> result)
    {
        if (node is null || depth > file.Options.MaxDepth || !visited.Add(node) || result.Count >= file.Options.MaxTreeEntries)
        {
            return;
        }

        if (file.Resolve(node["Names"]) is PdfArray names)
        {
            for (var i = 0; i + 1 < names.Count && result.Count < file.Options.MaxTreeEntries; i += 2)
            {
                var key = file.Resolve(names[i]) is PdfString s ? s.AsText() : "";
                result.Add((key, names[i + 1]));
            }
        }

        if (file.Resolve(node["Kids"]) is PdfArray kids)
        {
            foreach (var kid in kids.Items)
            {
                Walk(file, file.ResolveDictionary(kid), depth + 1, visited, result);
            }
        }
    }
}
