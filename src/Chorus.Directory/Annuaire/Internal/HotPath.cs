using System.Runtime.CompilerServices;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>
/// <c>[MethodImpl(HotPath.Options)]</c> on the per-row methods of the loader: compiled fully optimised at once instead of
/// starting at tier 0. A CLI process loads the directory once, in its first second, before tiered compilation would
/// promote them. Nothing on netstandard2.0 (.NET Framework has no tiers).
/// </summary>
internal static class HotPath
{
#if NET8_0_OR_GREATER
    public const MethodImplOptions Options = MethodImplOptions.AggressiveOptimization;
#else
    public const MethodImplOptions Options = 0;
#endif
}
