using Chorus.Invoicing.Model;

namespace Chorus.Invoicing.Validation.Rules;

/// <summary>Which syntax bindings of the CEN artefacts a rule belongs to (the UBL and CII bindings differ in places).</summary>
[Flags]
internal enum RuleSyntax
{
    Ubl = 1,
    Cii = 2,
    Both = Ubl | Cii,
}

/// <summary>What a rule sees: the EN 16931 model read from the document, and the syntax it was read from.</summary>
internal sealed class RuleInput(Invoice invoice, RuleSyntax syntax)
{
    public Invoice Invoice { get; } = invoice;

    public RuleSyntax Syntax { get; } = syntax;

    public bool IsUbl => Syntax == RuleSyntax.Ubl;

    /// <summary>Where the root element was read (the fallback location of a rule on the whole invoice).</summary>
    public string RootPath => Invoice.Location.XPath ?? "/";
}

/// <summary>
/// One EN 16931 rule: the official id (its severity and message come from <see cref="RuleTexts"/>, as the CEN/TC 434
/// artefacts v1.3.16 state them) and its test written in C# on the model. <typeparamref name="T"/> is the rule's context
/// (the invoice, a line, a VAT breakdown…); <paramref name="syntax"/> says which bindings define the rule this way.
/// </summary>
internal sealed class Rule<T>(string id, Func<T, RuleInput, bool> holds, RuleSyntax syntax = RuleSyntax.Both)
{
    public string Id { get; } = id;

    public Func<T, RuleInput, bool> Holds { get; } = holds;

    public RuleSyntax Syntax { get; } = syntax;

    public (ValidationSeverity Severity, string Message) Text(RuleSyntax binding)
    {
        if (!(binding == RuleSyntax.Cii && RuleTexts.Cii.TryGetValue(Id, out var text)) && !RuleTexts.Common.TryGetValue(Id, out text))
        {
            throw new InvalidOperationException("no official text for rule " + Id);
        }

        return (text.Fatal ? ValidationSeverity.Fatal : ValidationSeverity.Warning, text.Message);
    }
}

/// <summary>A group of rules sharing a context, like a schematron rule element.</summary>
internal interface IRuleGroup
{
    /// <summary>Checks every context node against every rule of the group bound to the input's syntax.</summary>
    void Run(RuleInput input, List<ValidationProblem> problems);

    /// <summary>The ids the group checks natively for a syntax.</summary>
    IEnumerable<string> IdsFor(RuleSyntax syntax);
}

/// <summary>Rules over the contexts a selector yields; <c>where</c> gives the XPath a problem points at.</summary>
internal sealed class RuleGroup<T>(Func<RuleInput, IEnumerable<T>> contexts, Func<T, RuleInput, string?> where, params Rule<T>[] rules) : IRuleGroup
{
    public void Run(RuleInput input, List<ValidationProblem> problems)
    {
        foreach (var context in contexts(input))
        {
            foreach (var rule in rules)
            {
                if ((rule.Syntax & input.Syntax) != 0 && !rule.Holds(context, input))
                {
                    var (severity, message) = rule.Text(input.Syntax);
                    problems.Add(new ValidationProblem(rule.Id, severity, message, where(context, input) ?? input.RootPath));
                }
            }
        }
    }

    public IEnumerable<string> IdsFor(RuleSyntax syntax)
    {
        foreach (var rule in rules)
        {
            if ((rule.Syntax & syntax) != 0)
            {
                yield return rule.Id;
            }
        }
    }
}
