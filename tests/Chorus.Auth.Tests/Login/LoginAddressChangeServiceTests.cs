using System.Text.RegularExpressions;
using Chorus.Auth.Login;
using Chorus.Auth.Tests.Support;

namespace Chorus.Auth.Tests.Login;

public partial class LoginAddressChangeServiceTests
{
    private const string Account = "u-42";

    private static Uri Link(string token) => new("https://portail.exemple.fr/adresse/confirmer?jeton=" + token);

    private static string TokenIn(string body) => Token().Match(body).Groups[1].Value;

    [Fact]
    public async Task Request_SendsLinkToTheNewAddress_ConfirmAppliesOnce_AndNotifiesBothAddresses()
    {
        var f = new AuthFixture();
        var expires = await f.AddressChange.RequestAsync(Account, "old@exemple.fr", "new@exemple.fr", Link, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(f.Time.GetUtcNow().AddHours(24), expires);
        var mail = Assert.Single(f.Mailer.Sent);
        Assert.Equal("new@exemple.fr", mail.To);
        var token = TokenIn(mail.Body);
        Assert.Equal(43, token.Length);
        Assert.Contains("24 heures", mail.Body, StringComparison.Ordinal);

        var result = await f.AddressChange.ConfirmAsync(token, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(new AddressChangeResult(AddressChangeStatus.Confirmed, Account, "new@exemple.fr"), result);
        Assert.Equal(["new@exemple.fr", "new@exemple.fr", "old@exemple.fr"], f.Mailer.Sent.Select(m => m.To));

        Assert.Equal(AddressChangeStatus.Invalid, (await f.AddressChange.ConfirmAsync(token, cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [Theory]
    [InlineData(23 * 60 + 59, AddressChangeStatus.Confirmed)]
    [InlineData(24 * 60, AddressChangeStatus.Expired)]
    public async Task Confirm_After24Hours_IsExpired(int minutes, AddressChangeStatus expected)
    {
        var f = new AuthFixture();
        await f.AddressChange.RequestAsync(Account, "old@exemple.fr", "new@exemple.fr", Link, cancellationToken: TestContext.Current.CancellationToken);
        f.Time.Advance(TimeSpan.FromMinutes(minutes));
        Assert.Equal(expected, (await f.AddressChange.ConfirmAsync(TokenIn(f.Mailer.Sent[0].Body), cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task NewRequest_VoidsTheEarlierLink()
    {
        var f = new AuthFixture();
        await f.AddressChange.RequestAsync(Account, "old@exemple.fr", "first@exemple.fr", Link, cancellationToken: TestContext.Current.CancellationToken);
        await f.AddressChange.RequestAsync(Account, "old@exemple.fr", "second@exemple.fr", Link, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(AddressChangeStatus.Invalid, (await f.AddressChange.ConfirmAsync(TokenIn(f.Mailer.Sent[0].Body), cancellationToken: TestContext.Current.CancellationToken)).Status);
        Assert.Equal("second@exemple.fr", (await f.AddressChange.ConfirmAsync(TokenIn(f.Mailer.Sent[1].Body), cancellationToken: TestContext.Current.CancellationToken)).NewAddress);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task Confirm_UnknownToken_IsInvalid(string token)
    {
        var f = new AuthFixture();
        Assert.Equal(AddressChangeStatus.Invalid, (await f.AddressChange.ConfirmAsync(token, cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [GeneratedRegex(@"jeton=([A-Za-z0-9_-]+)")]
    private static partial Regex Token();
}
