# Checks answer files against the questionnaire: ids, which questions are shown, exclusive options. Copied into an
# encoding folder with questions.json beside it (mkenc.py); it knows nothing of effects or results. It stands alone
# (its own condition reader, no import of qlib.py) because the encoders see only their folder.
# Usage: python3 check.py FILE.json ...
import sys,json
QS=json.load(open(__file__.replace('check.py','questions.json')))
def ev(c,ans):
    if c is None: return True
    if 'any_of' in c:
        a=ans.get(c['q'])
        if a is None: return False
        a=a if isinstance(a,list) else [a]
        return any(x in c['any_of'] for x in a)
    if 'answered' in c: return (c['q'] in ans)==c['answered']
    if 'all' in c: return all(ev(x,ans) for x in c['all'])
    if 'any' in c: return any(ev(x,ans) for x in c['any'])
    if 'not' in c: return not ev(c['not'],ans)
bad=0
for path in sys.argv[1:]:
    try: a=json.load(open(path))
    except Exception as e: print(path,': not valid JSON:',e); bad+=1; continue
    probs=[]; eff={}; ids={q['id'] for q in QS}
    for k in a:
        if k not in ids: probs.append(f'unknown question {k}')
    for q in QS:
        shown=ev(q['show_if'],eff)
        if not shown:
            if q['id'] in a: probs.append(f"{q['id']} is not shown for your earlier answers: leave it out")
            continue
        if q['id'] not in a: probs.append(f"{q['id']} is shown but not answered"); continue
        v=a[q['id']]; opts={o['id']:o for o in q['options']}
        if q['kind']=='single':
            if not isinstance(v,str): probs.append(f"{q['id']} is single: give one option id as a string"); continue
            if v not in opts: probs.append(f"{q['id']}: unknown option {v}"); continue
        else:
            if not isinstance(v,list) or not v: probs.append(f"{q['id']} is multi: give a non-empty list"); continue
            unk=[x for x in v if x not in opts]
            if unk: probs.append(f"{q['id']}: unknown options {unk}"); continue
            if len(set(v))!=len(v): probs.append(f"{q['id']}: repeated option")
            exc=[x for x in v if opts[x].get('exclusive')]
            if exc and len(v)>1: probs.append(f"{q['id']}: {exc[0]} cannot be combined with other options")
        eff[q['id']]=v
    if probs: bad+=1; print(path+':'); [print('  -',p) for p in probs]
    else: print(path,': OK')
sys.exit(1 if bad else 0)
