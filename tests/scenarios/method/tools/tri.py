"""For each new situation, the largest share of its word triples found in one situation already in the suite, and
which (a first screen for close variants; a repeated dilemma needs reading, not counting). Usage: python3 tri.py FOLDER"""
import glob
import json
import os
import re
import sys

from qlib import scenarios


def triples(s):
    w = re.findall(r"[a-z0-9£%']+", s.lower())
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


suite = [(d['id'], triples(d['situation'])) for _, d in scenarios('tuning', 'held-out')]
for f in sorted(glob.glob(os.path.join(sys.argv[1], '*.json'))):
    d = json.load(open(f))
    t = triples(d['situation'])
    share, other = max((len(t & u) / len(t), i) for i, u in suite if i != d['id'])
    print(d['id'], f'{share:.3f}', other)
