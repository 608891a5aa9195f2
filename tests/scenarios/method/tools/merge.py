"""Merges a set's blind encodings, or its judge's judgements, into the scenario files, and nothing else.

Usage: python3 merge.py enc PREFIX ENC1 ENC2 ORDINAL SET      (ORDINAL e.g. ninety-eighth; SET pending or held-out)
       python3 merge.py judge PREFIX JUDGE "method text" SET
"""
import json
import os
import sys

from qlib import ROOT, WORK


def path(folder, sid):
    p = os.path.join(ROOT, 'tests', 'scenarios', folder, f'{sid}.json')
    assert os.path.exists(p), p
    return p


def save(p, d):
    open(p, 'w').write(json.dumps(d, indent=1, ensure_ascii=False) + '\n')


def main(mode, prefix, *rest):
    codes = json.load(open(os.path.join(WORK, f'map_{prefix}.json')))
    if mode == 'enc':
        e1, e2, ordinal, folder = rest
        for code, sid in codes['enc'].items():
            p = path(folder, sid)
            d = json.load(open(p))
            a = json.load(open(os.path.join(WORK, f'enc_{prefix}', e1, f'{code}.json')))
            b = json.load(open(os.path.join(WORK, f'enc_{prefix}', e2, f'{code}.json')))
            d['encoding'] = {
                'method': 'blind: two helper sessions, each seeing only the prose (under a neutral code, in random '
                          'order) and the questionnaire as it is now, never the expectation or the weights; primary = '
                          f'encoder {e1}, second = encoder {e2} ({ordinal} held-out set)',
                'primary': a, 'second': b}
            save(p, d)
        print('merged', len(codes['enc']), 'encodings')
    else:
        judge, method, folder = rest
        for code, sid in codes['judge'].items():
            p = path(folder, sid)
            d = json.load(open(p))
            j = json.load(open(os.path.join(WORK, f'judge_{prefix}', judge, f'{code}.json')))
            entry = {'judge': judge}
            entry.update({k: j[k] for k in ('arrangement', 'vehicle', 'payment', 'warnings', 'rationale')})
            d['second_opinion'] = {'method': method, 'judgements': [entry]}
            save(p, d)
        print('merged', len(codes['judge']), 'judgements')


if __name__ == '__main__':
    main(*sys.argv[1:])
