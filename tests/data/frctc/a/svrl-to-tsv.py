#!/usr/bin/env python3
"""Turns Saxon's SVRL reports (official BR-FR Flux 2 CII stylesheet) into the TSV the tests compare with:
file, rule id, location written as the validator writes it (prefix:name, [n] only among same-named siblings).
Keeps the failed assertions of rules BR-FR-01 to BR-FR-32. Usage: svrl-to-tsv.py SOURCE_DIR SVRL_DIR > expected.tsv"""
import os, re, sys
import xml.etree.ElementTree as ET

PREFIX = {
    'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100': 'rsm',
    'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100': 'ram',
    'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100': 'udt',
    'urn:un:unece:uncefact:data:standard:QualifiedDataType:100': 'qdt',
}
PART_A = re.compile(r'^BR-FR-(0[1-9]|[12][0-9]|3[0-2])')
STEP = re.compile(r"\*:([\w.-]+)\[namespace-uri\(\)='([^']*)'\]\[(\d+)\]")

def location(root, svrl_location):
    steps = STEP.findall(svrl_location)
    out, node = [], None
    for i, (local, ns, pos) in enumerate(steps):
        tag = '{%s}%s' % (ns, local)
        siblings = [root] if i == 0 else [c for c in node if c.tag == tag]
        node = siblings[int(pos) - 1]
        out.append('%s:%s%s' % (PREFIX[ns], local, '[%s]' % pos if len(siblings) > 1 else ''))
    return '/' + '/'.join(out)

src, svrl = sys.argv[1], sys.argv[2]
print('file\tid\tlocation')
for name in sorted(os.listdir(src)):
    root = ET.parse(os.path.join(src, name)).getroot()
    report = open(os.path.join(svrl, name), encoding='utf-8').read()
    for m in re.finditer(r'<svrl:failed-assert\b(.*?)>', report, re.S):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if PART_A.match(attrs['id']):
            print('%s\t%s\t%s' % (name, attrs['id'], location(root, attrs['location'])))
