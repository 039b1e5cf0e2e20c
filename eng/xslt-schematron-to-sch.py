#!/usr/bin/env python3
"""Turns a compiled ISO-schematron XSLT (the skeleton's output, e.g. the Factur-X 1.09 profile stylesheets) back into a
compact Schematron rule table that Chorus.Invoicing's rule engine loads: one <pattern> per mode, its rules in priority
order (first match wins, as in the XSLT), each rule's variables and assertions with id, flag, test and message.
Usage: eng/xslt-schematron-to-sch.py <in.xsl> <out.sch>"""
import re, sys
import xml.etree.ElementTree as ET

XSL = '{http://www.w3.org/1999/XSL/Transform}'
SVRL = '{http://purl.oclc.org/dsdl/svrl}'
SCH = 'http://purl.oclc.org/dsdl/schematron'

src, dst = sys.argv[1], sys.argv[2]
ns = {}
for _, (p, u) in ET.iterparse(src, events=('start-ns',)):
    if p and p not in ('xsl', 'svrl', 'sch', 'iso', 'saxon', 'xs', 'schold', 'xhtml') and u not in ns.values():
        ns[p] = u
root = ET.parse(src).getroot()
order = []
for t in root.iter(XSL + 'apply-templates'):
    m = t.get('mode')
    if m and re.fullmatch(r'M\d+', m) and t.get('select') == '/' and m not in order:
        order.append(m)
patterns = {m: [] for m in order}

def text_of(el):
    return ' '.join(''.join(el.itertext()).split())

for t in root.findall(XSL + 'template'):
    mode, match, prio = t.get('mode'), t.get('match'), t.get('priority')
    if mode not in patterns or not match or prio is None or float(prio) < 0:
        continue
    lets, asserts = [], []
    for child in t:
        if child.tag == XSL + 'variable' and child.get('select'):
            lets.append((child.get('name'), child.get('select')))
        elif child.tag == XSL + 'choose':
            when = child.find(XSL + 'when')
            fa = child.find(XSL + 'otherwise/' + SVRL + 'failed-assert')
            if when is not None and fa is not None:
                attrs = {a.get('name'): text_of(a) for a in fa.findall(XSL + 'attribute')}
                txt = fa.find(SVRL + 'text')
                asserts.append(('assert', attrs.get('id', ''), attrs.get('flag', 'fatal'), when.get('test'), text_of(txt) if txt is not None else ''))
        elif child.tag == XSL + 'if':
            sr = child.find(SVRL + 'successful-report')
            if sr is not None:
                attrs = {a.get('name'): text_of(a) for a in sr.findall(XSL + 'attribute')}
                txt = sr.find(SVRL + 'text')
                asserts.append(('report', attrs.get('id', ''), attrs.get('flag', 'fatal'), child.get('test'), text_of(txt) if txt is not None else ''))
    patterns[mode].append((float(prio), match, lets, asserts))

functions = []
for f in root.findall(XSL + 'function'):
    params = [p.get('name') for p in f.findall(XSL + 'param')]
    types = [p.get('as') or '' for p in f.findall(XSL + 'param')]
    lets = [(v.get('name'), v.get('select')) for v in f.findall(XSL + 'variable') if v.get('select')]
    result = f.find(XSL + 'sequence')
    if result is None or any(v.get('select') is None for v in f.findall(XSL + 'variable')):
        print('skipped function', f.get('name'), file=sys.stderr)
        continue
    functions.append((f.get('name'), params, types, lets, result.get('select')))
    for p_, u in [(k, v) for k, v in [(a[6:], b) for a, b in f.attrib.items() if a.startswith('xmlns:')]]:
        ns.setdefault(p_, u)
for prefix, uri in re.findall(r'xmlns:(\w+)="([^"]+)"', open(src, encoding='utf-8').read(20000)):
    if prefix not in ('xsl', 'svrl', 'sch', 'iso', 'saxon', 'xs', 'schold', 'xhtml') and prefix not in ns:
        ns[prefix] = uri

ET.register_namespace('', SCH)
out = ET.Element(f'{{{SCH}}}schema', {'queryBinding': 'xslt2'})
ET.SubElement(out, f'{{{SCH}}}title').text = 'Extracted from ' + src.split('/')[-1] + ' by eng/xslt-schematron-to-sch.py'
for p, u in ns.items():
    ET.SubElement(out, f'{{{SCH}}}ns', {'prefix': p, 'uri': u})
for name, params, types, lets, result in functions:
    fn = ET.SubElement(out, f'{{{SCH}}}function', {'name': name})
    for p_, t in zip(params, types):
        ET.SubElement(fn, f'{{{SCH}}}param', {'name': p_, 'as': t})
    for n, v in lets:
        ET.SubElement(fn, f'{{{SCH}}}let', {'name': n, 'value': v})
    ET.SubElement(fn, f'{{{SCH}}}result', {'value': result})
for mode in order:
    pat = ET.SubElement(out, f'{{{SCH}}}pattern', {'id': mode})
    for prio, match, lets, asserts in sorted(patterns[mode], key=lambda r: -r[0]):
        rule = ET.SubElement(pat, f'{{{SCH}}}rule', {'context': match})
        for n, v in lets:
            ET.SubElement(rule, f'{{{SCH}}}let', {'name': n, 'value': v})
        for kind, rid, flag, test, msg in asserts:
            ET.SubElement(rule, f'{{{SCH}}}{kind}', {'id': rid, 'flag': flag, 'test': test}).text = msg
ET.ElementTree(out).write(dst, encoding='utf-8', xml_declaration=True)
print(dst, sum(len(v) for v in patterns.values()), 'rules', sum(len(r[3]) for v in patterns.values() for r in v), 'assertions')
