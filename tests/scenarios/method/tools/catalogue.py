"""Writes a set's writer folder: catalogue.md (every model's id, name, summary and when it fits; every warning's id,
title, message and mitigation) and existing_titles.md (the name of every scenario in the suite).

Usage: python3 catalogue.py PREFIX   (writes WORK/w_PREFIX/, with scenario-format.md and the writer brief)
"""
import json
import os
import sys

from qlib import DATA, ROOT, WORK, scenarios

NAMES = {'arrangement': 'Commissioning arrangements (layer `arrangement`)',
         'vehicle': 'Contract vehicles (layer `vehicle`)',
         'payment': 'Payment rules (layer `payment`)'}


def catalogue():
    models = json.load(open(os.path.join(DATA, 'models.json')))
    flags = json.load(open(os.path.join(DATA, 'red_flags.json')))
    out = ['# Catalogue of ids', '', 'Use only these ids in `expect`.', '']
    for layer in ('arrangement', 'vehicle', 'payment'):
        out += ['## ' + NAMES[layer], '']
        for m in (m for m in models if m['layer'] == layer):
            out += [f"### `{m['id']}`: {m['name']}", '', m['summary'], '', 'When it fits:']
            out += ['- ' + w for w in m['when_it_fits']] + ['']
    out += ['## Warnings (for `warnings`)', '']
    for f in flags:
        out += [f"### `{f['id']}`: {f['title']}", '', f['message'], '', 'What to do: ' + f['mitigation'], '']
    return '\n'.join(out)


def main(prefix):
    folder = os.path.join(WORK, f'w_{prefix}')
    os.makedirs(os.path.join(folder, 'out'), exist_ok=True)
    open(os.path.join(folder, 'catalogue.md'), 'w').write(catalogue())
    names = ['- ' + d['name'] for _, d in scenarios('tuning', 'held-out', 'pending')]
    open(os.path.join(folder, 'existing_titles.md'), 'w').write(
        '# Situations already in the suite\n\nDo not repeat one of these.\n\n' + '\n'.join(names) + '\n')
    method = os.path.join(ROOT, 'tests', 'scenarios', 'method')
    fmt = open(os.path.join(method, 'scenario-format.md')).read().replace('PREFIX', prefix)
    open(os.path.join(folder, 'scenario-format.md'), 'w').write(fmt)
    brief = open(os.path.join(method, 'writer-brief.md')).read().replace('<set folder>', folder)
    open(os.path.join(folder, f'brief_writer_{prefix}.md'), 'w').write(brief)
    print(folder, len(names), 'titles')


if __name__ == '__main__':
    main(sys.argv[1])
