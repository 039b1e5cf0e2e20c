#!/usr/bin/env python3
"""Turns Saxon's SVRL reports (out-<PROFILE>/<file>.xml) into expected.tsv: one row per failed assertion whose message
starts with a bracket id of the VAT category families (BR-S/Z/E/AE/IC/G/O/AF/AG-*) or BR-FXEXT-*, and one row with id
"-" for a file × profile that has none. Severity: flag warning/information = Warning, anything else = Fatal. Location:
the SVRL location with namespaces dropped ("/CrossIndustryInvoice[1]/…")."""
import os, re, sys
import xml.etree.ElementTree as ET

SVRL = '{http://purl.oclc.org/dsdl/svrl}'
MINE = re.compile(r'^\s*\[(BR-(?:S|Z|E|AE|IC|G|O|AF|AG)-[0-9A-Za-z-]+|BR-FXEXT-[0-9A-Za-z-]+)\]')
STEP = re.compile(r"\*:([A-Za-z0-9_.-]+)\[namespace-uri\(\)='[^']*'\](\[\d+\])")

rows = []
for profile in ['MINIMUM', 'BASICWL', 'BASIC', 'EN16931', 'EXTENDED']:
    folder = f'out-{profile}'
    for name in sorted(os.listdir(folder)):
        found = []
        for fa in ET.parse(os.path.join(folder, name)).getroot().iter(SVRL + 'failed-assert'):
            m = MINE.match(fa.find(SVRL + 'text').text or '')
            if not m:
                continue
            severity = 'Warning' if fa.get('flag') in ('warning', 'information') else 'Fatal'
            location = ''.join('/' + a + b for a, b in STEP.findall(fa.get('location')))
            found.append(f'{name}\t{profile}\t{m.group(1)}\t{severity}\t{location}')
        rows.extend(sorted(found) if found else [f'{name}\t{profile}\t-\t-\t-'])

sys.stdout.write('file\tprofile\tid\tseverity\tlocation\n' + '\n'.join(rows) + '\n')
