#!/usr/bin/env python3
"""Generates the native Factur-X 1.09 STRUCTURE tables of Chorus.Invoicing from the official profile stylesheets.

The FNFE/FeRD profile XSLTs (Factur-X_1.09_<PROFILE>.xsl) hold, beside the business rules ("[BR-..]" messages, written
by hand in FacturXCoreRules/FacturXVatRules), assertions generated from the profile's schema restriction: child
cardinalities, required and unused attributes, unused elements, element variants and code-list bindings (values read
from FACTUR-X_<PROFILE>_codedb.xml). This script reads those generated assertions (a template = a rule, its mode = its
pattern, priority order = first match wins) and writes them as C# table facts:

  src/Chorus.Invoicing/Validation/Rules/FacturX/FacturXStructure.<Profile>.cs   one table per profile
  src/Chorus.Invoicing/Validation/Rules/FacturX/FacturXCodeLists.cs             the code lists, deduplicated

Every assertion must fit one of the known shapes (a count, an attribute, a code list, a not-used report; context and
count predicates among the few forms the artefacts use) and the message our table derives must equal the official one:
anything else stops the script, so a new artefact version cannot be half translated.

Usage: python3 eng/facturx-structure-tables.py <folder with the official .xsl and codedb .xml> [<output folder>]
e.g.   python3 eng/facturx-structure-tables.py ../shared/corpus/schematron/facturx-1.09
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

XSL = '{http://www.w3.org/1999/XSL/Transform}'
SVRL = '{http://purl.oclc.org/dsdl/svrl}'
PROFILES = [('MINIMUM', 'Minimum', 'MINIMUM'), ('BASICWL', 'BasicWl', 'BASIC-WL'), ('BASIC', 'Basic', 'BASIC'),
            ('EN16931', 'En16931', 'EN16931'), ('EXTENDED', 'Extended', 'EXTENDED')]
NAME = r'(?:ram|rsm|udt|qdt):\w+'


def text_of(el):
    return ' '.join(''.join(el.itertext()).split())


def read_patterns(path):
    """[(mode, [(context, lets, [(kind, id, flag, test, message)])])] in the stylesheet's order, rules by priority."""
    root = ET.parse(path).getroot()
    order = []
    for t in root.iter(XSL + 'apply-templates'):
        m = t.get('mode')
        if m and re.fullmatch(r'M\d+', m) and t.get('select') == '/' and m not in order:
            order.append(m)
    rules = {m: [] for m in order}
    for t in root.findall(XSL + 'template'):
        mode, match, prio = t.get('mode'), t.get('match'), t.get('priority')
        if mode not in rules or not match or prio is None or float(prio) < 0:
            continue
        lets, asserts = {}, []
        for child in t:
            if child.tag == XSL + 'variable' and child.get('select'):
                lets[child.get('name')] = child.get('select')
            elif child.tag == XSL + 'choose':
                fa = child.find(XSL + 'otherwise/' + SVRL + 'failed-assert')
                attrs = {a.get('name'): text_of(a) for a in fa.findall(XSL + 'attribute')}
                asserts.append(('assert', attrs.get('id', ''), attrs.get('flag', 'fatal'), child.find(XSL + 'when').get('test'), text_of(fa.find(SVRL + 'text'))))
            elif child.tag == XSL + 'if':
                sr = child.find(SVRL + 'successful-report')
                attrs = {a.get('name'): text_of(a) for a in sr.findall(XSL + 'attribute')}
                asserts.append(('report', attrs.get('id', ''), attrs.get('flag', 'fatal'), child.get('test'), text_of(sr.find(SVRL + 'text'))))
        rules[mode].append((float(prio), match, lets, asserts))
    return [(m, [(c, l, a) for _, c, l, a in sorted(rules[m], key=lambda r: -r[0])]) for m in order]


def cs(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def predicate(text):
    """A predicate of the forms the artefacts use, as a C# expression of ProfileStructure's predicate factories."""
    t = text.strip()
    parts = split_and(t)
    if len(parts) > 1:
        return 'And(' + ', '.join(predicate(p) for p in parts) + ')'
    m = re.fullmatch(r'not\s*\((.*)\)', t)
    if m and balanced(m.group(1)):
        return 'Not(' + predicate(m.group(1)) + ')'
    m = re.fullmatch(r'(@\w+)', t)
    if m:
        return f'Has({cs(m.group(1))})'
    m = re.fullmatch(rf'((?:{NAME}/)*(?:{NAME}|@\w+))\s*=\s*"([^"]*)"', t)
    if m:
        return f'Eq({cs(m.group(1))}, {cs(m.group(2))})'
    m = re.fullmatch(rf'(@\w+)\s*=\s*((?:\.\./)+)({NAME}(?:/{NAME})*)', t)
    if m:
        return f'EqUp({cs(m.group(1))}, {m.group(2).count("..")}, {cs(m.group(3))})'
    m = re.fullmatch(rf'(@\w+)\s*=\s*/({NAME}(?:/{NAME})*)', t)
    if m:
        return f'EqRoot({cs(m.group(1))}, {cs(m.group(2))})'
    raise SystemExit(f'unknown predicate form: {text!r}')


def balanced(s):
    depth = 0
    for ch in s:
        depth += ch == '('
        depth -= ch == ')'
        if depth < 0:
            return False
    return depth == 0


def split_and(t):
    parts, depth, start, i = [], 0, 0, 0
    while i < len(t):
        ch = t[i]
        if ch in '([':
            depth += 1
        elif ch in ')]':
            depth -= 1
        elif depth == 0 and t.startswith(' and ', i):
            parts.append(t[start:i])
            start = i + 5
            i += 5
            continue
        i += 1
    parts.append(t[start:])
    return [p.strip() for p in parts]


def steps(context):
    """'/a/b[p]/c' -> ['a', 'b', 'c'] and [(1, 'p')]; predicates may contain '/' and brackets."""
    assert context.startswith('/'), context
    names, preds, depth, cur, pred = [], [], 0, '', None
    for ch in context[1:] + '/':
        if depth == 0 and ch == '/':
            names.append(cur)
            if pred is not None:
                preds.append((len(names) - 1, pred))
            cur, pred = '', None
        elif ch == '[':
            if depth == 0:
                pred = ''
            else:
                pred += ch
            depth += 1
        elif ch == ']':
            depth -= 1
            if depth > 0:
                pred += ch
        elif depth > 0:
            pred += ch
        else:
            cur += ch
    for n in names:
        assert re.fullmatch(NAME, n), (context, n)
    return names, preds


class Generator:
    def __init__(self, folder):
        self.folder = folder
        self.lists = {}       # values tuple -> C# name
        self.list_users = {}  # C# name -> set of "PROFILE cl N"
        self.stats = {}

    def code_list(self, profile_codedb, cl_id, label):
        root = ET.parse(os.path.join(self.folder, f'FACTUR-X_{profile_codedb}_codedb.xml')).getroot()
        cl = [c for c in root.findall('cl') if c.get('id') == cl_id]
        assert len(cl) == 1, (profile_codedb, cl_id)
        values = tuple(e.get('value') for e in cl[0].findall('enumeration'))
        for v in values:
            assert v and not re.search(r'\s', v), v
        if values not in self.lists:
            base = re.sub(r'\W', '', re.sub(r'\b(?:ram|udt|qdt|rsm):', '', label).replace('@', '_'))
            name, n = base, 2
            while name in self.list_users:
                name, n = f'{base}{n}', n + 1
            self.lists[values] = name
            self.list_users[name] = set()
        name = self.lists[values]
        self.list_users[name].add(f'{profile_codedb} cl {cl_id}')
        return name

    def check(self, profile_codedb, context_names, lets, kind, rid, flag, test, message):
        """One generated structure assertion as a C# check factory call; the derived message must be the official one."""
        assert flag == 'fatal', (rid, flag)
        last = context_names[-1]
        if kind == 'report' and test == 'true()':
            m = re.fullmatch(r"Element '([^']*)' is marked as not used in the given context\.", message)
            v = re.fullmatch(r"Element variant '([^']*)' is marked as not used in the given context\.", message)
            if m and m.group(1) == last:
                return f'NotUsed({cs(rid)}, {cs(last)})', message
            if v:
                return f'NotUsedVariant({cs(rid)}, {cs(v.group(1))})', message
        if kind == 'report':
            m = re.fullmatch(r'@(\w+)', test)
            if m and message == f"Attribute @{m.group(1)}' marked as not used in the given context.":
                return f'NotUsedAttribute({cs(rid)}, {cs(m.group(1))})', message
        if kind == 'assert':
            m = re.fullmatch(r'@(\w+)', test)
            if m and message == f"Attribute '@{m.group(1)}' is required in this context.":
                return f'Required({cs(rid)}, {cs(m.group(1))})', message
            m = re.fullmatch(rf'count\(({NAME})\)(=|<=|>=)(\d+)', test)
            if m:
                child, op, n = m.group(1), m.group(2), int(m.group(3))
                words = {'=': 'must occur exactly', '<=': 'may occur at maximum', '>=': 'must occur at least'}[op]
                factory = {'=': 'Exactly', '<=': 'AtMost', '>=': 'AtLeast'}[op]
                if message == f"Element '{child}' {words} {n} times.":
                    return f'{factory}({cs(rid)}, {cs(child)}, {n})', message
            m = re.fullmatch(rf'count\(({NAME})\[(.*)\]\)<=(\d+)', test)
            if m:
                child, pred, n = m.group(1), m.group(2), int(m.group(3))
                v = re.fullmatch(r"Element variant '([^']*)' may occur at maximum (\d+) times\.", message)
                if v and int(v.group(2)) == n:
                    return f'AtMostVariant({cs(rid)}, {cs(child)}, {predicate(pred)}, {n}, {cs(v.group(1))})', message
            m = re.fullmatch(r"string-length\(\$(\w+)\)=0 or document\('FACTUR-X_([\w-]+)_codedb\.xml'\)/codedb/cl\[@id=(\d+)\]/enumeration\[@value=\$(\w+)\]", test)
            if m and m.group(1) == m.group(4) and m.group(2) == profile_codedb:
                source = lets[m.group(1)]
                label = re.fullmatch(r"Value of '([^']*)' is not allowed\.", message)
                if label and ((source == '.' and label.group(1) == last) or (source.startswith('@') and label.group(1) == source)):
                    name = self.code_list(profile_codedb, m.group(3), context_names[-2] + last if source == '.' else last + source)
                    return f'Code({cs(rid)}, {cs(label.group(1))}, FacturXCodeLists.{name})', message
                if label and source == '.' and label.group(1).startswith(last + '['):
                    # The context's last step is a variant: the message names it with its predicate.
                    name = self.code_list(profile_codedb, m.group(3), context_names[-2] + last)
                    return f'Code({cs(rid)}, {cs(label.group(1))}, FacturXCodeLists.{name})', message
        raise SystemExit(f'unknown structure assertion: {kind} {rid} {test!r} {message!r}')

    def profile(self, key, cs_name, codedb, out):
        patterns = read_patterns(os.path.join(self.folder, f'Factur-X_1.09_{key}.xsl'))
        lines = []
        n_rules = n_checks = 0
        for mode, rules in patterns:
            structural = [r for r in rules if any(not a[4].startswith('[') for a in r[2])]
            if not structural:
                continue
            # A pattern mixing business and structure assertions must be a single rule, so that keeping only its structure
            # assertions cannot change which rule claims a node (first match wins within a pattern).
            assert len(rules) == 1 or all(not a[4].startswith('[') for r in rules for a in r[2]), (key, mode)
            lines.append(f'        new("{mode}",')
            lines.append('        [')
            for context, lets, asserts in rules:
                names, preds = steps(context)
                checks = [self.check(codedb, names, lets, *a) for a in asserts if not a[4].startswith('[')]
                where = ''
                if preds:
                    where = '[' + ', '.join(f'At({i}, {predicate(p)})' for i, p in preds) + '], '
                if not checks:
                    # Claims its nodes (first match wins) without checking anything.
                    lines.append(f'            Rule({cs("/".join(names))}{", " + where[:-2] if where else ""}),')
                    continue
                lines.append(f'            Rule({cs("/".join(names))}, {where}'.rstrip())
                for i, (c, _) in enumerate(checks):
                    lines.append(f'                {c}{"," if i < len(checks) - 1 else "),"}')
                n_rules += 1
                n_checks += len(checks)
            lines.append('        ]),')
        self.stats[key] = (n_rules, n_checks)
        header = f'''// <auto-generated>
// Generated by eng/facturx-structure-tables.py from the official Factur-X 1.09 stylesheet Factur-X_1.09_{key}.xsl
// (FNFE-MPE / FeRD): its generated structure assertions as facts (context paths, cardinalities, attributes, code-list
// bindings, messages); the business rules ("[BR-..]") are in FacturXCoreRules / FacturXVatRules. Do not edit by hand:
// re-run the script (see its header) when the artefacts change.
// </auto-generated>
namespace Chorus.Invoicing.Validation.Rules.FacturX;

internal static partial class FacturXStructure
{{
    /// <summary>Factur-X 1.09 {key}: {n_rules} rules, {n_checks} structure assertions, in pattern and priority order.</summary>
    internal static readonly StructurePattern[] {cs_name} =
    [
'''
        with open(os.path.join(out, f'FacturXStructure.{cs_name}.cs'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(header + '\n'.join(lines) + '\n    ];\n}\n')

    def code_lists(self, out):
        body = []
        for values, name in self.lists.items():
            users = ', '.join(sorted(self.list_users[name]))
            body.append(f'    /// <summary>{len(values)} values ({users}).</summary>')
            text = ' '.join(values)
            chunks = [text[i:i + 110] for i in range(0, len(text), 110)]
            # Split only between values, so that the literal stays readable and diffable.
            chunks, cur = [], ''
            for v in values:
                if len(cur) + len(v) + 1 > 110 and cur:
                    chunks.append(cur + ' ')
                    cur = ''
                cur = (cur + ' ' + v) if cur else v
            chunks.append(cur)
            literal = '\n        + '.join(cs(c) for c in chunks)
            body.append(f'    internal static readonly CodeList {name} = new(\n        {literal});')
            body.append('')
        text = '''// <auto-generated>
// Generated by eng/facturx-structure-tables.py from the official Factur-X 1.09 code databases FACTUR-X_<PROFILE>_codedb.xml
// (FNFE-MPE / FeRD): the allowed values of each code-list binding, deduplicated across profiles (facts of the
// specification). Do not edit by hand: re-run the script when the artefacts change.
// </auto-generated>
namespace Chorus.Invoicing.Validation.Rules.FacturX;

internal static class FacturXCodeLists
{
''' + '\n'.join(body).rstrip() + '\n}\n'
        with open(os.path.join(out, 'FacturXCodeLists.cs'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)


def main():
    folder = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', 'src', 'Chorus.Invoicing', 'Validation', 'Rules', 'FacturX')
    os.makedirs(out, exist_ok=True)
    g = Generator(folder)
    for key, cs_name, codedb in PROFILES:
        g.profile(key, cs_name, codedb, out)
    g.code_lists(out)
    for key, (r, c) in g.stats.items():
        print(f'{key}: {r} rules, {c} structure assertions')
    print(f'{len(g.lists)} code lists, {sum(len(v) for v in g.lists)} values')


if __name__ == '__main__':
    main()
