using Chorus.Auth.Login;
using Chorus.Auth.Stores;
using Chorus.Auth.Totp;
using Microsoft.Data.Sqlite;

namespace Chorus.Auth.Sqlite;

/// <summary>
/// <see cref="IAuthStore"/> on a SQLite database (Microsoft.Data.Sqlite). Each atomic method is a single conditional
/// statement or an immediate transaction, so several connections, threads or processes sharing the file decide each
/// race once. The tables are created on construction. Times are stored as UTC ticks.
/// </summary>
public sealed class SqliteAuthStore : IAuthStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS totp (
            account TEXT NOT NULL COLLATE NOCASE, slot INTEGER NOT NULL, secret BLOB NOT NULL, algorithm INTEGER NOT NULL,
            digits INTEGER NOT NULL, period INTEGER NOT NULL, created_at INTEGER NOT NULL, last_step INTEGER,
            PRIMARY KEY (account, slot));
        CREATE TABLE IF NOT EXISTS email_codes (
            account TEXT NOT NULL COLLATE NOCASE PRIMARY KEY, code_id BLOB NOT NULL, code_hash BLOB NOT NULL,
            issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, attempts INTEGER NOT NULL, used INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS failures (
            account TEXT NOT NULL COLLATE NOCASE PRIMARY KEY, count INTEGER NOT NULL, last_failure_at INTEGER);
        CREATE TABLE IF NOT EXISTS pending_logins (
            account TEXT NOT NULL COLLATE NOCASE PRIMARY KEY, factor INTEGER NOT NULL, expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS address_changes (
            account TEXT NOT NULL COLLATE NOCASE PRIMARY KEY, current_address TEXT NOT NULL, new_address TEXT NOT NULL,
            token_hash BLOB NOT NULL UNIQUE, expires_at INTEGER NOT NULL);
        """;

    private readonly string _connectionString;

    /// <summary>Opens (and if needed creates) the store. Example: <c>"Data Source=auth.db"</c>.</summary>
    public SqliteAuthStore(string connectionString)
    {
        _connectionString = connectionString;
        using var connection = Open();
        Execute(connection, Schema);
    }

    /// <inheritdoc />
    public TotpCredential? GetTotp(string account, TotpSlot slot)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT secret, algorithm, digits, period, created_at, last_step FROM totp WHERE account = $a AND slot = $s", ("$a", account), ("$s", (int)slot));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new TotpCredential(
            (byte[])reader.GetValue(0), (TotpAlgorithm)reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            Time(reader.GetInt64(4)), reader.IsDBNull(5) ? null : reader.GetInt64(5));
    }

    /// <inheritdoc />
    public void SavePendingTotp(string account, TotpCredential credential)
    {
        using var connection = Open();
        using var command = Command(
            connection,
            "INSERT OR REPLACE INTO totp (account, slot, secret, algorithm, digits, period, created_at, last_step) VALUES ($a, $s, $secret, $alg, $digits, $period, $created, $last)",
            ("$a", account), ("$s", (int)TotpSlot.Pending), ("$secret", credential.ProtectedSecret), ("$alg", (int)credential.Algorithm),
            ("$digits", credential.Digits), ("$period", credential.Period), ("$created", credential.CreatedAt.UtcTicks), ("$last", credential.LastAcceptedStep));
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public bool ActivatePendingTotp(string account, long acceptedStep)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var exists = Command(connection, "SELECT 1 FROM totp WHERE account = $a AND slot = $p", ("$a", account), ("$p", (int)TotpSlot.Pending)))
        {
            exists.Transaction = transaction;
            if (exists.ExecuteScalar() is null)
            {
                return false;
            }
        }

        using (var delete = Command(connection, "DELETE FROM totp WHERE account = $a AND slot = $active", ("$a", account), ("$active", (int)TotpSlot.Active)))
        {
            delete.Transaction = transaction;
            delete.ExecuteNonQuery();
        }

        using (var promote = Command(connection, "UPDATE totp SET slot = $active, last_step = $step WHERE account = $a AND slot = $p", ("$a", account), ("$active", (int)TotpSlot.Active), ("$p", (int)TotpSlot.Pending), ("$step", acceptedStep)))
        {
            promote.Transaction = transaction;
            promote.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public bool TryAcceptTotpStep(string account, long step) =>
        NonQuery("UPDATE totp SET last_step = $step WHERE account = $a AND slot = $active AND (last_step IS NULL OR last_step < $step)", ("$a", account), ("$active", (int)TotpSlot.Active), ("$step", step)) == 1;

    /// <inheritdoc />
    public void RemoveTotp(string account) => NonQuery("DELETE FROM totp WHERE account = $a", ("$a", account));

    /// <inheritdoc />
    public void SaveEmailCode(string account, EmailCodeRecord record) =>
        NonQuery(
            "INSERT OR REPLACE INTO email_codes (account, code_id, code_hash, issued_at, expires_at, attempts, used) VALUES ($a, $id, $hash, $issued, $expires, $attempts, $used)",
            ("$a", account), ("$id", record.CodeId), ("$hash", record.CodeHash), ("$issued", record.IssuedAt.UtcTicks), ("$expires", record.ExpiresAt.UtcTicks),
            ("$attempts", record.Attempts), ("$used", record.Used ? 1 : 0));

    /// <inheritdoc />
    public EmailCodeRecord? GetEmailCode(string account)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT code_id, code_hash, issued_at, expires_at, attempts, used FROM email_codes WHERE account = $a", ("$a", account));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new EmailCodeRecord((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), Time(reader.GetInt64(2)), Time(reader.GetInt64(3)), reader.GetInt32(4), reader.GetInt32(5) != 0)
            : null;
    }

    /// <inheritdoc />
    public bool TryCountEmailCodeAttempt(string account, ReadOnlySpan<byte> codeId, int maxAttempts) =>
        NonQuery("UPDATE email_codes SET attempts = attempts + 1 WHERE account = $a AND code_id = $id AND used = 0 AND attempts < $max", ("$a", account), ("$id", codeId.ToArray()), ("$max", maxAttempts)) == 1;

    /// <inheritdoc />
    public bool TryConsumeEmailCode(string account, ReadOnlySpan<byte> codeId) =>
        NonQuery("UPDATE email_codes SET used = 1 WHERE account = $a AND code_id = $id AND used = 0", ("$a", account), ("$id", codeId.ToArray())) == 1;

    /// <inheritdoc />
    public FailureState GetFailures(string account)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT count, last_failure_at FROM failures WHERE account = $a", ("$a", account));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new FailureState(reader.GetInt32(0), reader.IsDBNull(1) ? null : Time(reader.GetInt64(1))) : default;
    }

    /// <inheritdoc />
    public FailureState RecordFailure(string account, DateTimeOffset at)
    {
        using var connection = Open();
        using var command = Command(
            connection,
            "INSERT INTO failures (account, count, last_failure_at) VALUES ($a, 1, $t) ON CONFLICT (account) DO UPDATE SET count = count + 1, last_failure_at = $t RETURNING count, last_failure_at",
            ("$a", account), ("$t", at.UtcTicks));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new FailureState(reader.GetInt32(0), Time(reader.GetInt64(1)));
    }

    /// <inheritdoc />
    public bool TryRestoreFailures(string account, FailureState expected, FailureState restore)
    {
        var condition = expected.ConsecutiveFailures == 0
            ? "NOT EXISTS (SELECT 1 FROM failures WHERE account = $a AND count > 0)"
            : "EXISTS (SELECT 1 FROM failures WHERE account = $a AND count = $ec AND last_failure_at IS $el)";
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var check = Command(connection, "SELECT " + condition, ("$a", account), ("$ec", expected.ConsecutiveFailures), ("$el", expected.LastFailureAt?.UtcTicks)))
        {
            check.Transaction = transaction;
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }
        }

        using (var write = restore.ConsecutiveFailures == 0
            ? Command(connection, "DELETE FROM failures WHERE account = $a", ("$a", account))
            : Command(connection, "INSERT OR REPLACE INTO failures (account, count, last_failure_at) VALUES ($a, $c, $l)", ("$a", account), ("$c", restore.ConsecutiveFailures), ("$l", restore.LastFailureAt?.UtcTicks)))
        {
            write.Transaction = transaction;
            write.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public void ResetFailures(string account) => NonQuery("DELETE FROM failures WHERE account = $a", ("$a", account));

    /// <inheritdoc />
    public void SavePendingLogin(string account, PendingLogin login) =>
        NonQuery("INSERT OR REPLACE INTO pending_logins (account, factor, expires_at) VALUES ($a, $f, $e)", ("$a", account), ("$f", (int)login.Factor), ("$e", login.ExpiresAt.UtcTicks));

    /// <inheritdoc />
    public PendingLogin? GetPendingLogin(string account)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT factor, expires_at FROM pending_logins WHERE account = $a", ("$a", account));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new PendingLogin((SecondFactor)reader.GetInt32(0), Time(reader.GetInt64(1))) : null;
    }

    /// <inheritdoc />
    public void ClearPendingLogin(string account) => NonQuery("DELETE FROM pending_logins WHERE account = $a", ("$a", account));

    /// <inheritdoc />
    public void SaveAddressChange(AddressChangeRecord record) =>
        NonQuery(
            "INSERT OR REPLACE INTO address_changes (account, current_address, new_address, token_hash, expires_at) VALUES ($a, $c, $n, $h, $e)",
            ("$a", record.Account), ("$c", record.CurrentAddress), ("$n", record.NewAddress), ("$h", record.TokenHash), ("$e", record.ExpiresAt.UtcTicks));

    /// <inheritdoc />
    public AddressChangeRecord? TakeAddressChange(ReadOnlySpan<byte> tokenHash)
    {
        using var connection = Open();
        using var command = Command(connection, "DELETE FROM address_changes WHERE token_hash = $h RETURNING account, current_address, new_address, token_hash, expires_at", ("$h", tokenHash.ToArray()));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new AddressChangeRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), Time(reader.GetInt64(4)))
            : null;
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private int NonQuery(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant schema text, no user input
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL text; every value is a parameter
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
