namespace Chorus.Auth.Stores;

/// <summary>
/// An <see cref="IAuthStore"/> in memory, for tests and single-process hosts: one lock makes every method atomic. State is
/// lost when the process ends; accounts are keyed by ordinal, case-insensitive login address.
/// </summary>
public sealed class InMemoryAuthStore : IAuthStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TotpCredential> _active = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TotpCredential> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EmailCodeRecord> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FailureState> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PendingLogin> _logins = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AddressChangeRecord> _addressChanges = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public TotpCredential? GetTotp(string account, TotpSlot slot)
    {
        lock (_gate)
        {
            return (slot == TotpSlot.Active ? _active : _pending).TryGetValue(account, out var c) ? c : null;
        }
    }

    /// <inheritdoc />
    public void SavePendingTotp(string account, TotpCredential credential)
    {
        lock (_gate)
        {
            _pending[account] = credential;
        }
    }

    /// <inheritdoc />
    public bool ActivatePendingTotp(string account, long acceptedStep)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(account, out var pending))
            {
                return false;
            }

            _pending.Remove(account);
            _active[account] = pending with { LastAcceptedStep = acceptedStep };
            return true;
        }
    }

    /// <inheritdoc />
    public bool TryAcceptTotpStep(string account, long step)
    {
        lock (_gate)
        {
            if (!_active.TryGetValue(account, out var active) || (active.LastAcceptedStep is { } last && step <= last))
            {
                return false;
            }

            _active[account] = active with { LastAcceptedStep = step };
            return true;
        }
    }

    /// <inheritdoc />
    public void RemoveTotp(string account)
    {
        lock (_gate)
        {
            _active.Remove(account);
            _pending.Remove(account);
        }
    }

    /// <inheritdoc />
    public void SaveEmailCode(string account, EmailCodeRecord record)
    {
        lock (_gate)
        {
            _codes[account] = record;
        }
    }

    /// <inheritdoc />
    public EmailCodeRecord? GetEmailCode(string account)
    {
        lock (_gate)
        {
            return _codes.TryGetValue(account, out var r) ? r : null;
        }
    }

    /// <inheritdoc />
    public bool TryCountEmailCodeAttempt(string account, ReadOnlySpan<byte> codeId, int maxAttempts)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(account, out var r) || r.Used || r.Attempts >= maxAttempts || !codeId.SequenceEqual(r.CodeId))
            {
                return false;
            }

            _codes[account] = r with { Attempts = r.Attempts + 1 };
            return true;
        }
    }

    /// <inheritdoc />
    public bool TryConsumeEmailCode(string account, ReadOnlySpan<byte> codeId)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(account, out var r) || r.Used || !codeId.SequenceEqual(r.CodeId))
            {
                return false;
            }

            _codes[account] = r with { Used = true };
            return true;
        }
    }

    /// <inheritdoc />
    public FailureState GetFailures(string account)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(account, out var f) ? f : default;
        }
    }

    /// <inheritdoc />
    public FailureState RecordFailure(string account, DateTimeOffset at)
    {
        lock (_gate)
        {
            _failures.TryGetValue(account, out var f);
            var next = new FailureState(f.ConsecutiveFailures + 1, at);
            _failures[account] = next;
            return next;
        }
    }

    /// <inheritdoc />
    public bool TryRestoreFailures(string account, FailureState expected, FailureState restore)
    {
        lock (_gate)
        {
            _failures.TryGetValue(account, out var current);
            if (current != expected)
            {
                return false;
            }

            if (restore.ConsecutiveFailures == 0)
            {
                _failures.Remove(account);
            }
            else
            {
                _failures[account] = restore;
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void ResetFailures(string account)
    {
        lock (_gate)
        {
            _failures.Remove(account);
        }
    }

    /// <inheritdoc />
    public void SavePendingLogin(string account, PendingLogin login)
    {
        lock (_gate)
        {
            _logins[account] = login;
        }
    }

    /// <inheritdoc />
    public PendingLogin? GetPendingLogin(string account)
    {
        lock (_gate)
        {
            return _logins.TryGetValue(account, out var l) ? l : null;
        }
    }

    /// <inheritdoc />
    public void ClearPendingLogin(string account)
    {
        lock (_gate)
        {
            _logins.Remove(account);
        }
    }

    /// <inheritdoc />
    public void SaveAddressChange(AddressChangeRecord record)
    {
        lock (_gate)
        {
            _addressChanges[record.Account] = record;
        }
    }

    /// <inheritdoc />
    public AddressChangeRecord? TakeAddressChange(ReadOnlySpan<byte> tokenHash)
    {
        lock (_gate)
        {
            foreach (var pair in _addressChanges)
            {
                if (Internal.ConstantTime.Equals(pair.Value.TokenHash, tokenHash))
                {
                    _addressChanges.Remove(pair.Key);
                    return pair.Value;
                }
            }

            return null;
        }
    }
}
