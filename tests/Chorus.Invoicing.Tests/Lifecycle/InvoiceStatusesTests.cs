using Chorus.Invoicing.Lifecycle;

namespace Chorus.Invoicing.Tests.Lifecycle;

public class InvoiceStatusesTests
{
    [Fact]
    public void StatusSet_HoldsEveryCodeOfTheChorusProApiList()
    {
        // recupererEtatParTypeDemandePaiement, typeDemandePaiement FACTURE (communaute.chorus-pro.gouv.fr), as published.
        string[] api =
        [
            "BROUILLON", "A_VALIDER_1", "ERREUR_FOURNISSEUR_SUR_VALIDEUR", "REFUSEE_1", "VALIDEE_1", "ABSENCE_VALIDATION_1_HORS_DELAI",
            "A_VALIDER_2", "ERREUR_COTRAITANT_SUR_VALIDEUR", "REFUSEE_2", "VALIDEE_2", "ABSENCE_VALIDATION_2_HORS_DELAI", "DEPOSEE",
            "ERREUR_FOURNISSEUR_SUR_MOE", "EN_COURS_ACHEMINEMENT", "MISE_A_DISPOSITION", "A_RECYCLER", "SUSPENDUE", "REJETEE",
            "MANDATEE", "MISE_EN_PAIEMENT", "COMPTABILISEE",
            // and the statuses of the lifecycle article and the contract
            "MISE_A_DISPOSITION_COMPTABLE", "SERVICE_FAIT", "COMPLETEE",
        ];
        Assert.All(api, code => Assert.True(InvoiceStatuses.TryParse(code, out _), code));
        Assert.Equal(api.Length, InvoiceStatuses.All.Count);
    }

    [Fact]
    public void EveryStatus_HasAUniqueCodeAndAFrenchLabel_InEnumOrder()
    {
        var all = InvoiceStatuses.All;
        Assert.Equal(Enum.GetValues<InvoiceStatus>(), all.Select(i => i.Status));
        Assert.Equal(all.Count, all.Select(i => i.Code).Distinct().Count());
        Assert.All(all, i => Assert.False(string.IsNullOrWhiteSpace(i.Label)));
    }

    [Theory]
    [InlineData(InvoiceStatus.MadeAvailable, "MISE_A_DISPOSITION", "Mise à disposition du destinataire")]
    [InlineData(InvoiceStatus.ToRecycle, "A_RECYCLER", "À recycler")]
    [InlineData(InvoiceStatus.Completed, "COMPLETEE", "Complétée")]
    [InlineData(InvoiceStatus.MadeAvailableToAccountant, "MISE_A_DISPOSITION_COMPTABLE", "Mise à disposition du comptable")]
    public void CodeAndLabel_AsPublished(InvoiceStatus status, string code, string label)
    {
        Assert.Equal(code, status.Code());
        Assert.Equal(label, status.Label());
    }

    [Fact]
    public void Parse_IsCaseInsensitive_AndUnknownCodesNameTheValidOnes()
    {
        Assert.Equal(InvoiceStatus.Suspended, InvoiceStatuses.Parse(" suspendue "));
        var ex = Assert.Throws<ArgumentException>(() => InvoiceStatuses.Parse("NOT_A_STATUS"));
        Assert.Contains("MISE_A_DISPOSITION", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_ParsesSupplierActionsAndStatusCodes()
    {
        Assert.Equal(LifecycleAction.Recycle, LifecycleAction.Parse("recycler"));
        Assert.Equal(LifecycleAction.SetStatus(InvoiceStatus.Rejected), LifecycleAction.Parse("REJETEE"));
        Assert.Equal("TRAITER", LifecycleAction.Handle.Code);
        Assert.False(LifecycleAction.TryParse("NOT_AN_ACTION", out _));
        Assert.Contains("COMPLETER", LifecycleAction.AllCodes);
    }

    [Theory]
    [InlineData(LifecycleActor.Supplier, "FOURNISSEUR")]
    [InlineData(LifecycleActor.Recipient, "DESTINATAIRE")]
    [InlineData(LifecycleActor.Validator, "VALIDEUR")]
    [InlineData(LifecycleActor.Accountant, "COMPTABLE")]
    public void ActorCodes_AsTheContractSpellsThem(LifecycleActor actor, string code) => Assert.Equal(code, actor.Code());
}
