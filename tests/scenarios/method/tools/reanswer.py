"""Answering one question again, blind, for every tuning and held-out situation, and merging the answers.

Usage: python3 reanswer.py build QUESTION FOLDER SEED [N]   folders FOLDER/P1..PN and S1..SN under WORK: each holds
                                                         its share of the prose under fresh neutral codes in a random
                                                         order, the question with its hint, a brief and a checker;
                                                         primary and second encodings go to different helpers
       python3 reanswer.py merge QUESTION FOLDER METHOD SET...  each helper's answers.json into the encodings of the
                                                         situations in tests/scenarios/SET, replacing any earlier
                                                         answer, and METHOD appended once to each file's method
The helpers see only their folder; the map from codes to situations stays beside the folders.
"""
import json, glob, os, random, string, sys

from qlib import ROOT, WORK

BRIEF = '''# Answering one question for many situations

You are helping test a questionnaire used by NHS commissioners in England. `prose.md` in this folder holds %d
short situations, each under a code (`## code`). For each one, answer the single question in `question.md` as the
commissioner in that situation would, from the facts the prose gives, following the question's guidance exactly.

- Read each situation in full and answer from it alone. Do not guess what a tool would recommend, and do not look at
  any other file of the project (no source code, scenarios, tests or other folders): only this folder.
- Answer every situation independently; do not revise an answer to balance the others.
- Write your answers to `answers.json` in this folder as one JSON object, code to option id, for example
  `{"ab12cd": "no", "ef34gh": "yes"}`. You may write it in parts as you go (read it back and add to it), but
  write only inside this folder. Run `python3 check.py` at the end: it must report no missing or invalid answers.
- Reply only with the number of answers written and how many of each option. Nothing else.
'''

CHECK = '''import json,sys
d=json.load(open(sys.argv[1] if len(sys.argv)>1 else 'answers.json'))
codes=[l[3:].strip() for l in open('prose.md') if l.startswith('## ')]
ok=%r
bad=[c for c in codes if d.get(c) not in ok]
extra=[c for c in d if c not in codes]
print(f"{len(codes)} situations, {len(d)} answers; missing or invalid: {bad[:20]} ({len(bad)}); unknown codes: {extra[:10]}")
'''


def question(qid):
    for f in glob.glob(os.path.join(ROOT, 'src', 'data', 'questions', '*.json')):
        for q in json.load(open(f))['questions']:
            if q['id'] == qid:
                return q
    sys.exit(f'no question {qid}')


def scenario_files(sets):
    return sorted(f for s in sets for f in glob.glob(os.path.join(ROOT, 'tests', 'scenarios', s, '*.json')))


def build(qid, folder, seed, n=6):
    q = question(qid)
    sc = [json.load(open(f)) for f in scenario_files(['tuning', 'held-out'])]
    rng = random.Random(int(seed))
    used, codes = set(), {}
    qmd = (f"# The question\n\n**{q['text']}**\n\n{q['hint']}\n\nOptions (answer with the id):\n\n"
           + ''.join(f"- `{o['id']}`: {o['label']}\n" for o in q['options']))
    for enc in ('primary', 'second'):
        order = list(range(len(sc)))
        rng.shuffle(order)
        for k in range(int(n)):
            share = order[k::int(n)]
            d = os.path.join(WORK, folder, f'{enc[0].upper()}{k + 1}')
            os.makedirs(d, exist_ok=True)
            lines = []
            for i in share:
                while True:
                    c = ''.join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(6))
                    if c not in used:
                        break
                used.add(c)
                codes[c] = (sc[i]['id'], enc)
                lines.append(f"## {c}\n\n{sc[i]['situation'].strip()}\n")
            open(os.path.join(d, 'prose.md'), 'w').write('\n'.join(lines))
            open(os.path.join(d, 'question.md'), 'w').write(qmd)
            open(os.path.join(d, 'check.py'), 'w').write(CHECK % [o['id'] for o in q['options']])
            open(os.path.join(d, 'BRIEF.md'), 'w').write(BRIEF % len(share))
    json.dump(codes, open(os.path.join(WORK, folder, 'map.json'), 'w'))
    print(len(codes), 'codes in', os.path.join(WORK, folder))


def merge(qid, folder, method, *sets):
    base = os.path.join(WORK, folder)
    codes = json.load(open(os.path.join(base, 'map.json')))
    given = {}
    for f in glob.glob(os.path.join(base, '[PS]*', 'answers.json')):
        given.update(json.load(open(f)))
    by = {}
    for c, (sid, enc) in codes.items():
        if c in given:
            by.setdefault(sid, {})[enc] = given[c]
    changed = 0
    for f in scenario_files(sets):
        raw = open(f).read()
        d = json.loads(raw)
        e, got = d['encoding'], by.get(d['id'], {})
        if len(got) < 2:
            print('no answers for', d['id'])
            continue
        for enc in ('primary', 'second'):
            if e.get(enc) is not None and e[enc].get(qid) != got[enc]:
                e[enc][qid] = got[enc]
                changed += 1
        if method not in e['method']:
            e['method'] += method
        indent = 1 if raw.split('\n')[1].startswith(' "') else 2  # keep each file's own indentation
        open(f, 'w').write(json.dumps(d, indent=indent, ensure_ascii=False) + '\n')
    print(changed, 'answers changed')


if __name__ == '__main__':
    {'build': build, 'merge': merge}[sys.argv[1]](*sys.argv[2:])
