namespace Chorus.Invoicing.Validation;

/// <summary>
/// What the Chorus Pro rules need to know about a public buyer from the public-entity directory: whether it requires a
/// code service (BT-10) and an engagement number (BT-13). A thin adapter over Chorus.Directory's
/// <c>IPublicEntityDirectory</c> satisfies it.
/// </summary>
public interface IBuyerDirectory
{
    /// <summary>The requirements of the buyer identified by this SIRET (14 digits), or null when the directory does not know it.</summary>
    BuyerRequirements? Find(string siret);
}

/// <summary>The directory's requirements for invoices addressed to one public structure.</summary>
/// <param name="ServiceCodeRequired">The structure requires a code service (BT-10).</param>
/// <param name="EngagementRequired">The structure requires an engagement number (BT-13).</param>
public sealed record BuyerRequirements(bool ServiceCodeRequired, bool EngagementRequired);
