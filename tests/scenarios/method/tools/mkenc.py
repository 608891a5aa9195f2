"""Builds the encoders' and the judge's folders for a pending set: the prose under neutral codes, in an order fixed
by the prefix; the questionnaire without effects with its checker (encoders); the writers' catalogue (judge); and the
briefs, from ../encoder-brief.md and ../judge-brief.md. The map from codes to scenario ids is written outside both
folders.

Usage: python3 mkenc.py PREFIX ENCODER_CODE JUDGE_CODE ENC1 ENC2 JUDGE
  e.g. python3 mkenc.py cu ym yn CU1 CU2 SO39   (the second encoder works through the codes in reverse)
"""
import json
import os
import random
import shutil
import sys

from qlib import ROOT, WORK, questions, scenarios
from questionnaire import render


def main(prefix, ec, jc, e1, e2, judge):
    files = [(f, d) for f, d in scenarios('pending') if d['id'].startswith(prefix)]
    enc = os.path.join(WORK, f'enc_{prefix}')
    jd = os.path.join(WORK, f'judge_{prefix}')
    for d in (enc, jd):
        os.makedirs(os.path.join(d, 'prose'), exist_ok=True)
    rng = random.Random(f'{prefix}-codes')

    def codes(c):
        nums = list(range(1, len(files) + 1))
        rng.shuffle(nums)
        return [f'{c}{n:02d}' for n in nums]

    emap, jmap = {}, {}
    for (_, d), c in zip(files, codes(ec)):
        open(os.path.join(enc, 'prose', f'{c}.md'), 'w').write(d['situation'] + '\n')
        emap[c] = d['id']
    for (_, d), c in zip(files, codes(jc)):
        open(os.path.join(jd, 'prose', f'{c}.md'), 'w').write(d['situation'] + '\n')
        jmap[c] = d['id']
    json.dump({'enc': emap, 'judge': jmap}, open(os.path.join(WORK, f'map_{prefix}.json'), 'w'), indent=1)
    qs = [{'id': q['id'], 'kind': q['kind'], 'show_if': q['show_if'],
           'options': [{'id': o['id'], 'exclusive': bool(o.get('exclusive'))} for o in q['options']]}
          for q in questions()]
    json.dump(qs, open(os.path.join(enc, 'questions.json'), 'w'))
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copy(os.path.join(here, 'check.py'), os.path.join(enc, 'check.py'))
    open(os.path.join(enc, 'questionnaire.md'), 'w').write(render())
    shutil.copy(os.path.join(WORK, f'w_{prefix}', 'catalogue.md'), os.path.join(jd, 'catalogue.md'))
    eo, jo = sorted(emap), sorted(jmap)
    rng.shuffle(eo)
    rng.shuffle(jo)
    method = os.path.join(ROOT, 'tests', 'scenarios', 'method')
    eb = open(os.path.join(method, 'encoder-brief.md')).read().replace('<encoding folder>', enc)
    for name, order in ((e1, eo), (e2, list(reversed(eo)))):
        os.makedirs(os.path.join(enc, name), exist_ok=True)
        brief = eb.replace('NAME', name).replace('ORDER', ', '.join(order))
        open(os.path.join(enc, f'brief_{name}.md'), 'w').write(brief)
    os.makedirs(os.path.join(jd, judge), exist_ok=True)
    jb = open(os.path.join(method, 'judge-brief.md')).read().replace('<judge folder>', jd)
    open(os.path.join(jd, f'brief_{judge}.md'), 'w').write(jb.replace('NAME', judge).replace('ORDER', ', '.join(jo)))
    print(len(files), 'situations;', enc, jd)


if __name__ == '__main__':
    main(*sys.argv[1:7])
