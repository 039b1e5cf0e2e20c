namespace Chorus.Directory.Structures;

/// <summary>Identifies a user account (a person; technical users included), e.g. its login address or a database key.</summary>
/// <param name="Value">The identifier as the host keeps it.</param>
public readonly record struct UserId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a structure record. Not the SIRET: after a SIRET change the new structure has a new id and keeps a link to the old one.</summary>
/// <param name="Value">The identifier as the host keeps it (Chorus Pro's <c>idStructureCPP</c>, a database key…).</param>
public readonly record struct StructureId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
