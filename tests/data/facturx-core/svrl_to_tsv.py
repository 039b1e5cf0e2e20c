#!/usr/bin/env python3
"""Reads the SVRL reports Saxon-HE wrote for each Factur-X 1.09 profile stylesheet and prints, per fragment and
profile, how many times each business rule of the families BR-nn, BR-B, BR-FX-EN, BR-CO, BR-DEC, CII-SR, CII-DT and
PEPPOL failed, with its severity and the location of the context node (local names with positions).
Usage: svrl_to_tsv.py FRAGMENT_DIR SVRL_DIR > expected.tsv   (SVRL_DIR/<PROFILE>/<fragment>.xml)"""
import collections, os, re, sys
import xml.etree.ElementTree as ET

SVRL = '{http://purl.oclc.org/dsdl/svrl}'
MINE = re.compile(r'^(BR-\d+|BR-B-\d+|BR-FX-EN-\d+|BR-CO-\d+|BR-DEC-\d+|CII-SR-\d+|CII-DT-\d+|PEPPOL-[A-Z0-9-]+)$')
BRACKET = re.compile(r'^\s*\[([A-Z]+(?:-[A-Z0-9]+)+)\]')
STEP = re.compile(r"\*:([A-Za-z0-9_.-]+)\[namespace-uri\(\)='[^']*'\]\[(\d+)\]")

def location(text):
    return ''.join(f'/{m.group(1)}[{m.group(2)}]' for m in STEP.finditer(text))

fragments, reports = sys.argv[1], sys.argv[2]
print('file\tprofile\tid\tseverity\tlocation\tcount')
for profile in ['MINIMUM', 'BASICWL', 'BASIC', 'EN16931', 'EXTENDED']:
    for name in sorted(os.listdir(fragments)):
        if not name.endswith('.xml'):
            continue
        path = os.path.join(reports, profile, name)
        if not os.path.exists(path) or os.path.getsize(path) == 0:
            print(f'{name}\t{profile}\tABORTED\t\t\t0')
            continue
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:  # Saxon stopped on a dynamic error while writing the report
            print(f'{name}\t{profile}\tABORTED\t\t\t0')
            continue
        counts = collections.Counter()
        for e in root:
            if e.tag not in (SVRL + 'failed-assert', SVRL + 'successful-report'):
                continue
            text = ''.join(e.find(SVRL + 'text').itertext()) if e.find(SVRL + 'text') is not None else ''
            m = BRACKET.match(text)
            if not m or not MINE.match(m.group(1)):
                continue
            warning = e.tag == SVRL + 'successful-report' or e.get('flag') in ('warning', 'information')
            counts[(m.group(1), 'warning' if warning else 'fatal', location(e.get('location', '')))] += 1
        for (rule, severity, loc), n in sorted(counts.items()):
            print(f'{name}\t{profile}\t{rule}\t{severity}\t{loc}\t{n}')
