using Chorus.Invoicing.Lifecycle;

namespace Chorus.Invoicing.Tests.Lifecycle;

/// <summary>
/// The reform's lifecycle statuses and their mapping. Source of codes and labels: the French external specifications
/// (Dossier de spécifications externes de la facturation électronique, lifecycle statuses), as also listed by NomaUBL's
/// "Invoice Status Codes" and Billit's "Statusses Invoices when sending PA" (mandatory column).
/// </summary>
public class ReformStatusesTests
{
    [Theory]
    [InlineData(200, "Déposée", true)]
    [InlineData(201, "Émise par la plateforme", false)]
    [InlineData(202, "Reçue par la plateforme", false)]
    [InlineData(203, "Mise à disposition", false)]
    [InlineData(204, "Prise en charge", false)]
    [InlineData(205, "Approuvée", false)]
    [InlineData(206, "Approuvée partiellement", false)]
    [InlineData(207, "En litige", false)]
    [InlineData(208, "Suspendue", false)]
    [InlineData(209, "Complétée", false)]
    [InlineData(210, "Refusée", true)]
    [InlineData(211, "Paiement transmis", false)]
    [InlineData(212, "Encaissée", true)]
    [InlineData(213, "Rejetée", true)]
    public void Code_LabelAndMandatoryFlag_AsSpecified(int code, string label, bool mandatory)
    {
        Assert.True(ReformStatuses.TryFromCode(code, out var status));
        Assert.Equal(code, status.Info().Code);
        Assert.Equal(label, status.Info().Label);
        Assert.Equal(mandatory, status.IsMandatory());
    }

    [Fact]
    public void MandatoryStatuses_AreExactlyDeposeeRefuseeEncaisseeRejetee() =>
        Assert.Equal([200, 210, 212, 213], ReformStatuses.All.Where(s => s.Mandatory).Select(s => s.Code));

    [Fact]
    public void TryFromCode_UnknownCode_False() => Assert.False(ReformStatuses.TryFromCode(299, out _));

    // The mapping table, row by row: Chorus Pro status → reform code (null: no counterpart).
    [Theory]
    [InlineData("DEPOSEE", 200)]
    [InlineData("EN_COURS_ACHEMINEMENT", 201)]
    [InlineData("MISE_A_DISPOSITION", 203)]
    [InlineData("A_RECYCLER", 221)]
    [InlineData("SUSPENDUE", 208)]
    [InlineData("COMPLETEE", 209)]
    [InlineData("REJETEE", 210)]
    [InlineData("SERVICE_FAIT", 205)]
    [InlineData("MANDATEE", 205)]
    [InlineData("MISE_A_DISPOSITION_COMPTABLE", 205)]
    [InlineData("COMPTABILISEE", 205)]
    [InlineData("MISE_EN_PAIEMENT", 211)]
    [InlineData("BROUILLON", null)]
    [InlineData("A_VALIDER_1", null)]
    [InlineData("REFUSEE_1", null)]
    public void ToReform_AsTheMappingTableSays(string chorusPro, int? reform) =>
        Assert.Equal(reform, (int?)ReformMapping.ToReform(InvoiceStatuses.Parse(chorusPro)));

    [Fact]
    public void ChorusProRejetee_IsTheReformsRefusee_NotItsRejetee()
    {
        // Chorus Pro's REJETEE is the recipient's refusal of wrong billing data (210); the reform's 213 is a platform's rejection.
        Assert.Equal(ReformStatus.Refused, ReformMapping.ToReform(InvoiceStatus.Rejected));
        Assert.Equal(InvoiceStatus.Rejected, ReformMapping.ToChorusPro(ReformStatus.Refused));
        Assert.Null(ReformMapping.ToChorusPro(ReformStatus.Rejected));
    }

    [Theory]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(206)]
    [InlineData(207)]
    [InlineData(212)]
    [InlineData(213)]
    public void ReformStatusesWithoutChorusProCounterpart_MapToNull(int code) =>
        Assert.Null(ReformMapping.ToChorusPro((ReformStatus)code));

    [Fact]
    public void Approuvee_MapsBackToServiceFait_TheOnlyTwoWayRow() =>
        Assert.Equal(InvoiceStatus.ServiceDone, ReformMapping.ToChorusPro(ReformStatus.Approved));

    [Fact]
    public void BothWayRows_RoundTrip()
    {
        Assert.All(ReformMapping.Rows.Where(r => r.Direction == MappingDirection.Both), r =>
        {
            Assert.Equal(r.Reform, ReformMapping.ToReform(r.ChorusPro));
            Assert.Equal(r.ChorusPro, ReformMapping.ToChorusPro(r.Reform));
        });
    }

    [Fact]
    public void MandatoryReformStatuses_ChorusProSideCovers_DeposeeAndRefusee()
    {
        var mapped = ReformMapping.Rows.Select(r => r.Reform).ToHashSet();
        Assert.Contains(ReformStatus.Deposited, mapped);
        Assert.Contains(ReformStatus.Refused, mapped);
        Assert.DoesNotContain(ReformStatus.Cashed, mapped);   // set by the supplier, never by Chorus Pro
    }
}
