using System.Globalization;

namespace Chorus.Auth.Mail;

/// <summary>The French and English texts of the authentication e-mails.</summary>
public static class AuthMessages
{
    /// <summary>The login code e-mail: the code on a line of its own, its validity in minutes.</summary>
    public static AuthMessage LoginCode(string to, string code, TimeSpan validity, AuthLanguage language)
    {
        var minutes = ((int)Math.Round(validity.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        return language == AuthLanguage.English
            ? new AuthMessage(to, "Your login code", $"Hello,\n\nYour login code is:\n\n{code}\n\nIt is valid for {minutes} minutes and can be used once. A new login attempt sends a new code and cancels this one.\nIf you did not try to log in, change your password.\n")
            : new AuthMessage(to, "Votre code de connexion", $"Bonjour,\n\nVotre code de connexion est :\n\n{code}\n\nIl est valable {minutes} minutes et utilisable une seule fois. Une nouvelle tentative de connexion envoie un nouveau code et annule celui-ci.\nSi vous n'êtes pas à l'origine de cette connexion, changez votre mot de passe.\n");
    }

    /// <summary>The confirmation link sent to the new login address.</summary>
    public static AuthMessage AddressChangeConfirmation(string to, Uri link, TimeSpan validity, AuthLanguage language)
    {
        var hours = ((int)Math.Round(validity.TotalHours)).ToString(CultureInfo.InvariantCulture);
        return language == AuthLanguage.English
            ? new AuthMessage(to, "Confirm your new login address", $"Hello,\n\nTo make this address your login address, open this link within {hours} hours:\n\n{link.AbsoluteUri}\n\nThe link works once. If you did not ask for this change, ignore this message.\n")
            : new AuthMessage(to, "Confirmez votre nouvelle adresse de connexion", $"Bonjour,\n\nPour faire de cette adresse votre adresse de connexion, ouvrez ce lien dans les {hours} heures :\n\n{link.AbsoluteUri}\n\nLe lien n'est utilisable qu'une fois. Si vous n'avez pas demandé ce changement, ignorez ce message.\n");
    }

    /// <summary>The notice that the login address changed (sent to the new and the old address).</summary>
    public static AuthMessage AddressChanged(string to, string newAddress, AuthLanguage language) =>
        language == AuthLanguage.English
            ? new AuthMessage(to, "Your login address has changed", $"Hello,\n\nYour login address is now {newAddress}. Password-reset e-mails and login codes will be sent there.\nIf you did not make this change, contact support at once.\n")
            : new AuthMessage(to, "Votre adresse de connexion a changé", $"Bonjour,\n\nVotre adresse de connexion est désormais {newAddress}. Les courriels de réinitialisation du mot de passe et les codes de connexion y seront envoyés.\nSi vous n'êtes pas à l'origine de ce changement, contactez le support immédiatement.\n");
}
