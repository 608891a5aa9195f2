"""Before a run is committed: every scenario file against HEAD. Nothing but `set` may change in a file that was in
tuning/ or held-out/; a file that was pending may gain only its encodings (and later its second opinion); every file
says the set of the folder it is in. Usage: python3 integrity.py"""
import json
import os
import subprocess

from qlib import ROOT, scenarios


def git(*args):
    return subprocess.run(['git', *args], capture_output=True, text=True, cwd=ROOT)


head = {os.path.basename(p): p for p in git('ls-tree', '-r', '--name-only', 'HEAD', 'tests/scenarios').stdout.split()
        if p.endswith('.json') and '/method/' not in p}
bad = n = 0
for f, new in scenarios('tuning', 'held-out'):
    b = os.path.basename(f)
    if b not in head:
        print('new file', f)
        bad += 1
        continue
    old = json.loads(git('show', 'HEAD:' + head[b]).stdout)
    was = head[b].split('/')[2]
    n += 1
    for k in set(old) | set(new):
        if k == 'set' or (k == 'encoding' and was == 'pending'):
            continue
        if k == 'second_opinion' and was in ('pending', 'held-out') and k not in old:
            continue
        if old.get(k) != new.get(k):
            print('changed', f, k)
            bad += 1
    if new['set'] != f.split(os.sep)[-2]:
        print('set field', f)
        bad += 1
print(n, 'checked,', bad, 'problems')
raise SystemExit(1 if bad else 0)
