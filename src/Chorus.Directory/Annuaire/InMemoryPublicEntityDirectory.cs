using System.Text;
using Chorus.Directory.Annuaire.Internal;
using Chorus.Directory.Identifiers;
using Chorus.Directory.Internal;

namespace Chorus.Directory.Annuaire;

/// <summary>
/// The public-entity directory (annuaire des structures publiques) held in memory: loaded once from the directory's CSV
/// export, then immutable and safe to share between threads. Lookups by SIRET and routing checks allocate nothing.
/// </summary>
/// <remarks>
/// The loader streams UTF-8 bytes (a BOM is skipped), keeps text in one buffer instead of a string per field, and finds
/// columns by header name in any order. Rows it cannot use are listed in <see cref="Diagnostics"/> with their line; a file
/// it cannot read at all raises <see cref="DirectoryFormatException"/>.
/// </remarks>
public sealed class InMemoryPublicEntityDirectory : IPublicEntityDirectory
{
    private readonly DirectoryStore _store;

    internal InMemoryPublicEntityDirectory(DirectoryStore store, IReadOnlyList<DirectoryDiagnostic> diagnostics, int diagnosticCount)
    {
        _store = store;
        Diagnostics = diagnostics;
        DiagnosticCount = diagnosticCount;
    }

    /// <summary>The number of structures.</summary>
    public int Count => _store.Count;

    /// <summary>The number of services over all structures.</summary>
    public int ServiceCount => _store.ServiceCount;

    /// <summary>The rows skipped or partly used while loading, with their line (at most <see cref="DirectoryLoadOptions.MaxDiagnostics"/>).</summary>
    public IReadOnlyList<DirectoryDiagnostic> Diagnostics { get; }

    /// <summary>How many diagnostics there were in all, including those not kept.</summary>
    public int DiagnosticCount { get; }

    /// <summary>Every structure, in file order (each one materialised on demand).</summary>
    public IEnumerable<PublicStructure> Structures
    {
        get
        {
            for (var i = 0; i < _store.Count; i++)
            {
                yield return Materialise(i);
            }
        }
    }

    /// <summary>Loads the canonical directory CSV from a stream (read to its end, not closed).</summary>
    /// <exception cref="DirectoryFormatException">The stream is not a directory file, or is truncated; the message says where.</exception>
    public static InMemoryPublicEntityDirectory Load(Stream stream, DirectoryLoadOptions? options = null)
    {
        Guard.NotNull(stream, nameof(stream));

        return AnnuaireCsvLoader.Load(stream, options ?? DirectoryLoadOptions.Default);
    }

    /// <summary>Loads the canonical directory CSV from a file.</summary>
    /// <exception cref="DirectoryFormatException">The file is not a directory file, or is truncated; the message says where.</exception>
    public static InMemoryPublicEntityDirectory Load(string path, DirectoryLoadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Load(stream, options);
    }

    /// <summary>Builds a directory from structures kept elsewhere (tests, a database snapshot). Later duplicates are ignored.</summary>
    public static InMemoryPublicEntityDirectory Create(IEnumerable<PublicStructure> structures)
    {
        Guard.NotNull(structures, nameof(structures));

        var builder = new DirectoryStoreBuilder(16, 0);
        var seen = new HashSet<StructureIdentifier>();
        foreach (var s in structures)
        {
            if (!seen.Add(s.Identifier))
            {
                continue;
            }

            var isSiret = s.Identifier.Type == StructureIdentifierType.Siret;
            var key = isSiret ? null : DirectoryStore.OtherKey(s.Identifier.Type, s.Identifier.Value);
            var siret = isSiret ? s.Siret!.Value.Value : 0;

            var entry = new StructureEntry { Siret = siret, Type = s.Identifier.Type, Flags = FlagsOf(s) };
            (entry.IdOffset, entry.IdLength) = AppendString(builder, isSiret ? string.Empty : s.Identifier.Value);
            (entry.NameOffset, entry.NameLength) = AppendString(builder, s.Name);
            var index = builder.AddStructure(entry, key);
            foreach (var service in s.Services)
            {
                var code = AppendString(builder, service.Code);
                var name = AppendString(builder, service.Name);
                builder.AddService(index, code.Offset, code.Length, name.Offset, name.Length, service.IsActive);
            }
        }

        return new InMemoryPublicEntityDirectory(builder.Build(), [], 0);
    }

    /// <inheritdoc />
    public PublicStructure? Find(Siret siret)
    {
        var i = _store.IndexOf(siret.Value);
        return i < 0 ? null : Materialise(i);
    }

    /// <summary>The structure with this identifier of any type, or <see langword="null"/>.</summary>
    public PublicStructure? Find(StructureIdentifier identifier)
    {
        var i = _store.IndexOf(identifier);
        return i < 0 ? null : Materialise(i);
    }

    /// <summary>True when the directory has a structure with this SIRET.</summary>
    public bool Contains(Siret siret) => _store.IndexOf(siret.Value) >= 0;

    /// <summary>
    /// Checks that an invoice addressed to <paramref name="siret"/>, with this code service (BT-10) and engagement number
    /// (BT-13), can be routed; every problem is reported (see <see cref="RoutingCheck"/>). Allocates nothing.
    /// </summary>
    /// <param name="siret">The recipient's SIRET (BT-46 / the buyer's routing identifier).</param>
    /// <param name="serviceCode">The code service, or null/blank when the invoice names none. Compared ordinally.</param>
    /// <param name="engagement">The engagement number, or null/blank when the invoice carries none.</param>
    public RoutingCheck CheckRouting(Siret siret, string? serviceCode = null, string? engagement = null)
    {
        var code = RoutingCheck.Given(serviceCode);
        var index = _store.IndexOf(siret.Value);
        if (index < 0)
        {
            return new RoutingCheck(siret, RoutingProblems.UnknownStructure, code);
        }

        ref readonly var s = ref _store[index];
        var problems = RoutingProblems.None;
        if ((s.Flags & StructureFlags.Active) == 0)
        {
            problems |= RoutingProblems.InactiveStructure;
        }

        if (code is null)
        {
            if ((s.Flags & StructureFlags.ServiceCodeRequired) != 0)
            {
                problems |= RoutingProblems.ServiceCodeMissing;
            }
        }
        else
        {
            problems |= RoutingProblems.ServiceCodeUnknown;
            foreach (ref readonly var service in _store.ServicesOf(s))
            {
                if (Utf8Text.EqualsOrdinal(_store.Text(service.CodeOffset, service.CodeLength), code.AsSpan()))
                {
                    problems &= ~RoutingProblems.ServiceCodeUnknown;
                    if (!service.Active)
                    {
                        problems |= RoutingProblems.ServiceInactive;
                    }

                    break;
                }
            }
        }

        if ((s.Flags & StructureFlags.EngagementRequired) != 0 && RoutingCheck.Given(engagement) is null)
        {
            problems |= RoutingProblems.EngagementMissing;
        }

        return new RoutingCheck(siret, problems, code);
    }

    private PublicStructure Materialise(int index)
    {
        ref readonly var s = ref _store[index];
        var services = new PublicService[s.ServiceCount];
        var k = 0;
        foreach (ref readonly var service in _store.ServicesOf(s))
        {
            services[k++] = new PublicService(
                _store.String(service.CodeOffset, service.CodeLength),
                _store.String(service.NameOffset, service.NameLength),
                service.Active);
        }

        var identifier = s.Type == StructureIdentifierType.Siret
            ? StructureIdentifier.FromSiret(Siret.Parse(s.Siret.ToString("D14", System.Globalization.CultureInfo.InvariantCulture)))
            : StructureIdentifier.Parse(s.Type, _store.String(s.IdOffset, s.IdLength));
        return new PublicStructure
        {
            Identifier = identifier,
            Name = _store.String(s.NameOffset, s.NameLength),
            IsActive = (s.Flags & StructureFlags.Active) != 0,
            ServiceCodeRequired = (s.Flags & StructureFlags.ServiceCodeRequired) != 0,
            EngagementRequired = (s.Flags & StructureFlags.EngagementRequired) != 0,
            PaymentStatusReported = (s.Flags & StructureFlags.PaymentStatusReported) != 0,
            MoaOnly = (s.Flags & StructureFlags.MoaOnly) != 0,
            Services = services,
        };
    }

    private static StructureFlags FlagsOf(PublicStructure s) =>
        (s.IsActive ? StructureFlags.Active : 0)
        | (s.ServiceCodeRequired ? StructureFlags.ServiceCodeRequired : 0)
        | (s.EngagementRequired ? StructureFlags.EngagementRequired : 0)
        | (s.PaymentStatusReported ? StructureFlags.PaymentStatusReported : 0)
        | (s.MoaOnly ? StructureFlags.MoaOnly : 0);

    private static (int Offset, int Length) AppendString(DirectoryStoreBuilder builder, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return (builder.Text.Append(bytes), bytes.Length);
    }
}
