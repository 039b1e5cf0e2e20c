using System.Runtime.CompilerServices;

namespace Chorus.Directory.Annuaire.Internal;

/// <summary>
/// SIRET value → structure index, open addressing with linear probing in one array of slots: a lookup touches one cache
/// line where <see cref="Dictionary{TKey, TValue}"/> touches two (buckets, then entries). Key 0 marks an empty slot, so
/// the SIRET 000 000 000 00000 (which passes Luhn) is kept aside in <see cref="_zero"/>.
/// </summary>
internal sealed class SiretIndex
{
    private Slot[] _slots;
    private int _count;
    private int _shift;
    private int _zero = -1;

    public SiretIndex(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _shift = 64 - Log2(size);
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long siret)
    {
        if (siret == 0)
        {
            return _zero;
        }

        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Home(siret);
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Key == siret)
            {
                return slot.Value;
            }

            if (slot.Key == 0)
            {
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>The value already stored for <paramref name="siret"/>, or -1 after storing <paramref name="value"/> for it.</summary>
    [MethodImpl(HotPath.Options)]
    public int GetOrAdd(long siret, int value)
    {
        var existing = Find(siret);
        if (existing >= 0)
        {
            return existing;
        }

        Set(siret, value);
        return -1;
    }

    /// <summary>Adds or replaces.</summary>
    [MethodImpl(HotPath.Options)]
    public void Set(long siret, int value)
    {
        if (siret == 0)
        {
            _count += _zero < 0 ? 1 : 0;
            _zero = value;
            return;
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        var i = Home(siret);
        while (_slots[i].Key != 0 && _slots[i].Key != siret)
        {
            i = (i + 1) & mask;
        }

        if (_slots[i].Key == 0)
        {
            _count++;
        }

        _slots[i] = new Slot(siret, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long siret) => (int)(((ulong)siret * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        _count = _zero < 0 ? 0 : 1;
        foreach (var slot in old)
        {
            if (slot.Key != 0)
            {
                Set(slot.Key, slot.Value);
            }
        }
    }

    private static int Log2(int powerOfTwo)
    {
        var n = 0;
        while ((1 << n) < powerOfTwo)
        {
            n++;
        }

        return n;
    }

    private readonly struct Slot(long key, int value)
    {
        public readonly long Key = key;
        public readonly int Value = value;
    }
}
