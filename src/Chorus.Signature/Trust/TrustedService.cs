namespace Chorus.Signature.Trust;

/// <summary>One status period of a trust service (current status or a ServiceHistoryInstance).</summary>
/// <param name="Status">Status URI, e.g. http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted.</param>
/// <param name="ServiceType">Service type URI at that time, e.g. http://uri.etsi.org/TrstSvc/Svctype/CA/QC.</param>
/// <param name="From">StatusStartingTime.</param>
/// <param name="Qualifiers">Qualifier URIs of the Qualifications extension (QCWithQSCD, QCNoQSCD, QCStatement, NotQualified…).</param>
/// <param name="AdditionalServiceInformation">AdditionalServiceInformation URIs (ForeSignatures, ForeSeals…).</param>
public sealed record ServiceStatusPeriod(string Status, string ServiceType, DateTimeOffset From, IReadOnlyList<string> Qualifiers, IReadOnlyList<string> AdditionalServiceInformation)
{
    /// <summary>The Qualifications with their criteria (which certificates each qualifier applies to).</summary>
    internal IReadOnlyList<QualificationElement> Qualifications { get; init; } = [];
}

/// <summary>A trust service of a trusted list (ETSI TS 119 612), with its status history.</summary>
/// <param name="Territory">Scheme territory of the list (FR, BE…).</param>
/// <param name="ProviderName">TSPName.</param>
/// <param name="ServiceName">ServiceName.</param>
/// <param name="History">Status periods, most recent first.</param>
public sealed record TrustedService(string Territory, string ProviderName, string ServiceName, IReadOnlyList<ServiceStatusPeriod> History)
{
    /// <summary>Service type of a CA issuing qualified certificates.</summary>
    public const string CaQc = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";

    /// <summary>The status period in force at a time, or null before the first one.</summary>
    public ServiceStatusPeriod? At(DateTimeOffset time)
    {
        ServiceStatusPeriod? best = null;
        foreach (var p in History)
        {
            if (p.From <= time && (best is null || p.From > best.From))
            {
                best = p;
            }
        }

        return best;
    }

    /// <summary>True for the statuses under which a service is trusted: granted, and the pre-eIDAS undersupervision, accredited, supervisionincessation, setbynationallaw.</summary>
    public static bool IsPositiveStatus(string status)
    {
        var last = status.Substring(status.LastIndexOf('/') + 1);
        return last is "granted" or "undersupervision" or "accredited" or "supervisionincessation" or "setbynationallaw" or "recognisedatnationallevel";
    }
}

/// <summary>What was read from one trusted list (or list of trusted lists).</summary>
/// <param name="Territory">SchemeTerritory.</param>
/// <param name="SequenceNumber">TSLSequenceNumber.</param>
/// <param name="IssueDate">ListIssueDateTime.</param>
/// <param name="NextUpdate">NextUpdate.</param>
/// <param name="IsListOfLists">True for the EU LOTL (pointers to national lists, no services).</param>
/// <param name="SignatureValid">The list's XML signature verifies with its KeyInfo certificate.</param>
/// <param name="SignerSubject">Subject of the signing certificate.</param>
/// <param name="SignerConfirmed">The signing certificate is one the LOTL publishes for this territory (null when no LOTL was given).</param>
/// <param name="ProviderCount">Number of TrustServiceProvider elements.</param>
/// <param name="Services">Its trust services.</param>
/// <param name="Problems">Why the list is not used, or warnings.</param>
public sealed record TrustedListInfo(
    string Territory,
    int? SequenceNumber,
    DateTimeOffset? IssueDate,
    DateTimeOffset? NextUpdate,
    bool IsListOfLists,
    bool SignatureValid,
    string? SignerSubject,
    bool? SignerConfirmed,
    int ProviderCount,
    IReadOnlyList<TrustedService> Services,
    IReadOnlyList<string> Problems);
