using System.Runtime.CompilerServices;
using Chorus.Directory.Identifiers;

namespace Chorus.Directory.Annuaire.Internal;

[Flags]
internal enum StructureFlags : byte
{
    None = 0,
    Active = 1,
    ServiceCodeRequired = 2,
    EngagementRequired = 4,
    PaymentStatusReported = 8,
    MoaOnly = 16,
}

/// <summary>One structure: flat data, text kept as UTF-8 slices of the arena.</summary>
internal struct StructureEntry
{
    public long Siret;
    public int IdOffset;
    public int IdLength;
    public int NameOffset;
    public int NameLength;
    public int FirstService;
    public int ServiceCount;
    public long Line;
    public StructureFlags Flags;
    public StructureIdentifierType Type;
}

internal struct ServiceEntry
{
    public int Owner;
    public int CodeOffset;
    public int CodeLength;
    public int NameOffset;
    public int NameLength;
    public bool Active;
}

/// <summary>
/// The immutable index behind <see cref="InMemoryPublicEntityDirectory"/>: structures and services as arrays of structs,
/// text in one UTF-8 arena, SIRET → structure in an open-addressing table (<see cref="SiretIndex"/>). Built once by <see cref="DirectoryStoreBuilder"/>.
/// </summary>
internal sealed class DirectoryStore(
    StructureEntry[] structures,
    int structureCount,
    ServiceEntry[] services,
    int serviceCount,
    byte[] text,
    SiretIndex bySiret,
    Dictionary<string, int> byOtherIdentifier)
{
    public int Count => structureCount;

    public int ServiceCount => serviceCount;

    public ref readonly StructureEntry this[int index] => ref structures[index];

    public ReadOnlySpan<ServiceEntry> ServicesOf(in StructureEntry s) => new(services, s.FirstService, s.ServiceCount);

    public ReadOnlySpan<byte> Text(int offset, int length) => new(text, offset, length);

    public string String(int offset, int length) => Utf8Text.Decode(text, offset, length);

    public int IndexOf(long siret) => bySiret.Find(siret);

    public int IndexOf(StructureIdentifier identifier) =>
        identifier.Type == StructureIdentifierType.Siret
            ? IndexOf(long.Parse(identifier.Value, System.Globalization.CultureInfo.InvariantCulture))
            : byOtherIdentifier.TryGetValue(OtherKey(identifier.Type, identifier.Value), out var i) ? i : -1;

    internal static string OtherKey(StructureIdentifierType type, string value) => type.ToCode() + "|" + value;
}

/// <summary>
/// Collects structures and services (from a file or from objects) and freezes them into a <see cref="DirectoryStore"/>.
/// Structures are appended as they come; the SIRET index is built once at the end, in one tight pass (a hash probe per
/// row interleaved with parsing costs a cache miss each; a separate pass lets the processor overlap them). Repeated
/// structures found then are merged into their first occurrence.
/// </summary>
internal sealed class DirectoryStoreBuilder
{
    private readonly ByteArena _text;
    private readonly Dictionary<string, int> _byOther = new(StringComparer.Ordinal);
    private StructureEntry[] _structures;
    private ServiceEntry[] _services;
    private int _structureCount;
    private int _serviceCount;
    private bool _servicesScattered;

    public DirectoryStoreBuilder(int expectedStructures, int expectedTextBytes)
    {
        expectedStructures = Math.Max(expectedStructures, 16);
        _structures = new StructureEntry[expectedStructures];
        _services = new ServiceEntry[expectedStructures * 2];
        _text = new ByteArena(Math.Max(expectedTextBytes, expectedStructures * 64));
    }

    public ByteArena Text => _text;

    public ref StructureEntry this[int index] => ref _structures[index];

    public int IndexOfOther(string key) => _byOther.TryGetValue(key, out var i) ? i : -1;

    /// <summary>Adds a structure; its name and identifier text must already be in <see cref="Text"/>.</summary>
    [MethodImpl(HotPath.Options)]
    public int AddStructure(in StructureEntry entry, string? otherKey)
    {
        if (_structureCount == _structures.Length)
        {
            Array.Resize(ref _structures, _structures.Length * 2);
        }

        var index = _structureCount++;
        _structures[index] = entry;
        _structures[index].FirstService = 0;
        _structures[index].ServiceCount = 0;
        if (otherKey is not null)
        {
            _byOther[otherKey] = index;
        }

        return index;
    }

    [MethodImpl(HotPath.Options)]
    public void AddService(int owner, int codeOffset, int codeLength, int nameOffset, int nameLength, bool active)
    {
        if (_serviceCount == _services.Length)
        {
            Array.Resize(ref _services, _services.Length * 2);
        }

        ref var s = ref _structures[owner];
        if (s.ServiceCount == 0)
        {
            s.FirstService = _serviceCount;
        }
        else if (s.FirstService + s.ServiceCount != _serviceCount)
        {
            _servicesScattered = true;
        }

        s.ServiceCount++;
        _services[_serviceCount++] = new ServiceEntry
        {
            Owner = owner,
            CodeOffset = codeOffset,
            CodeLength = codeLength,
            NameOffset = nameOffset,
            NameLength = nameLength,
            Active = active,
        };
    }

    /// <summary>Builds the index; <paramref name="repeated"/> hears of each repeated structure whose flags differ (line, message).</summary>
    [MethodImpl(HotPath.Options)]
    public DirectoryStore Build(Action<long, string>? repeated = null)
    {
        var index = new SiretIndex(_structureCount);
        int[]? first = null;
        for (var i = 0; i < _structureCount; i++)
        {
            ref readonly var s = ref _structures[i];
            if (s.Type != StructureIdentifierType.Siret)
            {
                continue;
            }

            var earlier = index.GetOrAdd(s.Siret, i);
            if (earlier >= 0)
            {
                first ??= Identity(_structureCount);
                first[i] = earlier;
                if (_structures[earlier].Flags != s.Flags)
                {
                    repeated?.Invoke(s.Line, $"the structure's flags differ from its row at line {_structures[earlier].Line}; that row's values are kept");
                }
            }
        }

        var structures = _structures;
        var count = _structureCount;
        var byOther = _byOther;
        if (first is not null)
        {
            // Merge repeats into their first occurrence: compact the survivors, point services and indexes at them.
            var position = new int[count];
            var kept = new List<StructureEntry>(count);
            for (var i = 0; i < count; i++)
            {
                if (first[i] == i)
                {
                    position[i] = kept.Count;
                    kept.Add(_structures[i]);
                }
            }

            for (var i = 0; i < count; i++)
            {
                position[i] = position[first[i]];
            }

            structures = kept.ToArray();
            count = structures.Length;
            index = new SiretIndex(count);
            for (var j = 0; j < count; j++)
            {
                if (structures[j].Type == StructureIdentifierType.Siret)
                {
                    index.Set(structures[j].Siret, j);
                }
            }

            byOther = _byOther.ToDictionary(kv => kv.Key, kv => position[kv.Value], StringComparer.Ordinal);
            for (var k = 0; k < _serviceCount; k++)
            {
                _services[k].Owner = position[_services[k].Owner];
            }

            _servicesScattered = true;
        }

        var services = _services;
        if (_servicesScattered)
        {
            // Regroup services by owner, keeping file order (counting sort).
            services = new ServiceEntry[_serviceCount];
            for (var i = 0; i < count; i++)
            {
                structures[i].ServiceCount = 0;
            }

            for (var k = 0; k < _serviceCount; k++)
            {
                structures[_services[k].Owner].ServiceCount++;
            }

            var next = 0;
            for (var i = 0; i < count; i++)
            {
                structures[i].FirstService = next;
                next += structures[i].ServiceCount;
                structures[i].ServiceCount = 0;
            }

            for (var k = 0; k < _serviceCount; k++)
            {
                ref var owner = ref structures[_services[k].Owner];
                services[owner.FirstService + owner.ServiceCount++] = _services[k];
            }
        }

        return new DirectoryStore(structures, count, services, _serviceCount, _text.Bytes, index, byOther);
    }

    private static int[] Identity(int count)
    {
        var a = new int[count];
        for (var i = 0; i < count; i++)
        {
            a[i] = i;
        }

        return a;
    }
}
