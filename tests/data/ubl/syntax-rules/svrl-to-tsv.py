# Turns Saxon's SVRL reports (one per fragment) into expected.tsv: file, rule id, flag, count, normalized locations.
# Usage: see README.md in this folder.
import re, sys, glob, os
import xml.etree.ElementTree as ET

SVRL = '{http://purl.oclc.org/dsdl/svrl}'

def location(loc):
    # /*:Invoice[namespace-uri()='…'][1]/*:AccountingSupplierParty[namespace-uri()='…'][1] -> /Invoice/AccountingSupplierParty
    loc = re.sub(r"\[namespace-uri\(\)='[^']*'\]", '', loc)
    loc = re.sub(r'Q\{[^}]*\}', '', loc).replace('*:', '')
    return re.sub(r'\[1\]', '', loc)

svrl_dir, sources = sys.argv[1], sorted(glob.glob(os.path.join(sys.argv[2], '*.xml')))
print('file\trule\tflag\tcount\tlocations')
for src in sources:
    name = os.path.basename(src)
    out = os.path.join(svrl_dir, name)
    try:
        root = ET.parse(out).getroot()
    except (ET.ParseError, FileNotFoundError):
        print(f'{name}\t-\taborted\t0\t-')
        continue
    found = {}
    for fa in root.iter(SVRL + 'failed-assert'):
        key = (fa.get('id'), fa.get('flag'))
        found.setdefault(key, []).append(location(fa.get('location')))
    for (rule, flag), locs in sorted(found.items()):
        if rule.startswith('UBL-'):
            print(f'{name}\t{rule}\t{flag}\t{len(locs)}\t{" ".join(sorted(locs))}')
