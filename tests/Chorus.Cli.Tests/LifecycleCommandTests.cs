using System.Text.Json;

namespace Chorus.Cli.Tests;

/// <summary><c>chorus lifecycle next</c> and <c>statuses</c> against the contract (docs/cli.md) and the Chorus Pro rules.</summary>
public class LifecycleCommandTests
{
    [Theory]
    [InlineData("MISE_A_DISPOSITION", "A_RECYCLER", "A_RECYCLER", "DESTINATAIRE", false)]
    [InlineData("MISE_A_DISPOSITION", "SUSPENDUE", "SUSPENDUE", "DESTINATAIRE", true)]
    [InlineData("MISE_A_DISPOSITION", "REJETEE", "REJETEE", "DESTINATAIRE", true)]
    [InlineData("A_RECYCLER", "RECYCLER", "MISE_A_DISPOSITION", "FOURNISSEUR", false)]
    [InlineData("SUSPENDUE", "COMPLETER", "COMPLETEE", "FOURNISSEUR", false)]
    [InlineData("REJETEE", "TRAITER", "REJETEE", "FOURNISSEUR", false)]
    [InlineData("MISE_A_DISPOSITION", "SERVICE_FAIT", "SERVICE_FAIT", "DESTINATAIRE", false)]
    [InlineData("COMPTABILISEE", "MISE_EN_PAIEMENT", "MISE_EN_PAIEMENT", "COMPTABLE", false)]
    [InlineData("A_VALIDER_1", "VALIDEE_1", "VALIDEE_1", "VALIDEUR", false)]
    public void Next_Allowed_Exit0_JsonMatchesContract(string from, string action, string to, string actor, bool reasonRequired)
    {
        var r = CliRunner.Run("lifecycle", "next", from, action, "--json");

        Assert.Equal(0, r.ExitCode);
        var j = r.Json();
        Assert.Equal(from, j.GetProperty("from").GetString());
        Assert.Equal(action, j.GetProperty("action").GetString());
        Assert.True(j.GetProperty("allowed").GetBoolean());
        Assert.Equal(to, j.GetProperty("to").GetString());
        Assert.Equal(actor, j.GetProperty("actor").GetString());
        Assert.Equal(reasonRequired, j.GetProperty("reasonRequired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("reason").ValueKind);
    }

    [Theory]
    [InlineData("MISE_A_DISPOSITION", "TRAITER")]
    [InlineData("REJETEE", "RECYCLER")]
    [InlineData("REJETEE", "COMPLETER")]
    [InlineData("A_RECYCLER", "COMPLETER")]
    [InlineData("SUSPENDUE", "RECYCLER")]
    [InlineData("MISE_EN_PAIEMENT", "A_RECYCLER")]
    [InlineData("MISE_EN_PAIEMENT", "REJETEE")]
    public void Next_NotAllowed_Exit1_NullToAndActor_ReasonGiven(string from, string action)
    {
        var r = CliRunner.Run("lifecycle", "next", from, action, "--json");

        Assert.Equal(1, r.ExitCode);
        var j = r.Json();
        Assert.False(j.GetProperty("allowed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("to").ValueKind);
        Assert.Equal(JsonValueKind.Null, j.GetProperty("actor").ValueKind);
        Assert.False(j.GetProperty("reasonRequired").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(j.GetProperty("reason").GetString()));
    }

    [Fact]
    public void Next_CodesAreCaseInsensitive_OutputUpperSnakeCase()
    {
        var r = CliRunner.Run("lifecycle", "next", "mise_a_disposition", "suspendue", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("MISE_A_DISPOSITION", r.Json().GetProperty("from").GetString());
    }

    [Fact]
    public void Next_UnknownStatus_Exit2_ListsValidStatuses()
    {
        var r = CliRunner.Run("lifecycle", "next", "NOT_A_STATUS", "RECYCLER", "--json");

        Assert.Equal(2, r.ExitCode);
        var error = r.Json().GetProperty("error").GetString();
        Assert.Contains("NOT_A_STATUS", error, StringComparison.Ordinal);
        Assert.Contains("MISE_A_DISPOSITION", error, StringComparison.Ordinal);
        Assert.Contains("MISE_A_DISPOSITION", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Next_UnknownAction_Exit2_ListsValidActions()
    {
        var r = CliRunner.Run("lifecycle", "next", "MISE_A_DISPOSITION", "NOT_AN_ACTION");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("RECYCLER, COMPLETER, TRAITER", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_MissingArguments_Exit2()
    {
        var r = CliRunner.Run("lifecycle", "next", "MISE_A_DISPOSITION");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Next_Text_SaysWhoAndWhetherAReasonIsNeeded()
    {
        var r = CliRunner.Run("lifecycle", "next", "MISE_A_DISPOSITION", "REJETEE");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("DESTINATAIRE", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("reason required", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_Json_EveryStatusWithLabelAndReformCounterpart()
    {
        var r = CliRunner.Run("lifecycle", "statuses", "--json");

        Assert.Equal(0, r.ExitCode);
        var rows = r.Json().EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
        Assert.Equal(24, rows.Count);
        Assert.Equal("À recycler", rows["A_RECYCLER"].GetProperty("label").GetString());
        Assert.Equal(210, rows["REJETEE"].GetProperty("reformCode").GetInt32());
        Assert.True(rows["REJETEE"].GetProperty("reformMandatory").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows["BROUILLON"].GetProperty("reformCode").ValueKind);
        Assert.Empty(rows["MISE_EN_PAIEMENT"].GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public void Lifecycle_Help_Exit0() => Assert.Equal(0, CliRunner.Run("lifecycle", "next", "--help").ExitCode);
}
