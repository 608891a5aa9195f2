"""Where two blind encoders disagree, per question, over effective answers (hidden questions count as unanswered).
Usage: python3 qdis.py GLOB...   e.g. python3 qdis.py '../../held-out/*.json'   (N=20 rows by default)"""
import collections
import glob
import json
import os
import sys

from qlib import effective, questions

qs = questions()
dis, both, pairs = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
files = [f for g in sys.argv[1:] for f in glob.glob(g)]
for f in files:
    e = json.load(open(f))['encoding']
    if not e.get('primary') or not e.get('second'):
        continue
    a, b = effective(qs, e['primary']), effective(qs, e['second'])
    for q in set(a) | set(b):
        both[q] += 1
        x, y = a.get(q), b.get(q)
        x = tuple(sorted(x)) if isinstance(x, list) else x
        y = tuple(sorted(y)) if isinstance(y, list) else y
        if x != y:
            dis[q] += 1
            pairs[q][(str(x), str(y))] += 1
print(len(files), 'files')
for q, n in dis.most_common(int(os.environ.get('N', '20'))):
    print(f'{q:28} {n:4}/{both[q]:4}', pairs[q].most_common(3))
