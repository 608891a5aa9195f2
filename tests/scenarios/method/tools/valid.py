"""Checks writers' files before they are committed: the format's fields, ids from the catalogue in the right layer,
no id twice in a layer, known warnings, sources named in the domain brief, 140-300 words, no encoding yet.

Usage: python3 valid.py FOLDER PREFIX [BRIEF]   (BRIEF defaults to ../shared/domain/brief.md beside the repository)
"""
import glob
import json
import os
import re
import sys

from qlib import DATA, ROOT

KEYS = ['id', 'set', 'name', 'origin', 'situation', 'sources', 'expect', 'encoding']


def main(folder, prefix, brief=os.path.join(ROOT, '..', 'shared', 'domain', 'brief.md')):
    layer = {m['id']: m['layer'] for m in json.load(open(os.path.join(DATA, 'models.json')))}
    flags = {f['id'] for f in json.load(open(os.path.join(DATA, 'red_flags.json')))}
    known = set(re.findall(r'\b([SF]\d+)\b', open(brief).read()))
    bad = 0
    for f in sorted(glob.glob(os.path.join(folder, f'{prefix}*.json'))):
        p = []
        d = json.load(open(f))
        if list(d) != KEYS:
            p.append(f'fields {list(d)}')
        if os.path.basename(f) != d['id'] + '.json':
            p.append('id and file name differ')
        if d['set'] != 'held-out':
            p.append('set')
        words = len(d['situation'].split())
        if not 140 <= words <= 300:
            p.append(f'{words} words')
        p += [f'source {s}' for s in d['sources'] if s not in known]
        for name in ('arrangement', 'vehicle', 'payment'):
            seen = []
            for k in ('leader', 'top3', 'must_not_lead'):
                for i in d['expect'][name][k]:
                    if layer.get(i) != name:
                        p.append(f'{name}.{k}: {i}')
                    if i in seen:
                        p.append(f'{name}: {i} twice')
                    seen.append(i)
            if not d['expect'][name]['leader']:
                p.append(f'{name}: no leader')
        p += [f'warning {w}' for w in d['expect']['warnings'] if w not in flags]
        if d['encoding'].get('primary') is not None or d['encoding'].get('second') is not None:
            p.append('already encoded')
        bad += bool(p)
        print(d['id'], words, 'OK' if not p else p)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main(*sys.argv[1:])
