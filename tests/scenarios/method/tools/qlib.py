"""Shared helpers for the held-out set tools: the repository root, the questionnaire, and the condition language.

Conditions are evaluated over *effective* answers, as the engine does (src/condition.rs): an answer to a question
that its `show_if` hides counts as unanswered.
"""
import glob
import json
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
DATA = os.environ.get('DATA', os.path.join(ROOT, 'src', 'data'))
# Where the writers', encoders' and judges' folders go: outside the tree that is committed.
WORK = os.environ.get('HELDOUT_WORK', os.path.join(ROOT, '.scratch'))


def questions(data=DATA):
    """Every question, in journey order, each with its section title under `_section`."""
    qs = []
    for f in sorted(glob.glob(os.path.join(data, 'questions', '*.json'))):
        d = json.load(open(f))
        for q in d['questions']:
            q['_section'] = d['section']['title']
            qs.append(q)
    return qs


def ev(c, ans):
    """Whether condition `c` (content JSON form) holds for the answers `ans` (question id -> id or list of ids)."""
    if c is None:
        return True
    if 'any_of' in c:
        a = ans.get(c['q'])
        if a is None:
            return False
        a = a if isinstance(a, list) else [a]
        return any(x in c['any_of'] for x in a)
    if 'answered' in c:
        return (c['q'] in ans) == c['answered']
    if 'all' in c:
        return all(ev(x, ans) for x in c['all'])
    if 'any' in c:
        return any(ev(x, ans) for x in c['any'])
    if 'not' in c:
        return not ev(c['not'], ans)
    raise ValueError(c)


def effective(qs, answers):
    """The answers to questions that are shown for the answers before them."""
    eff = {}
    for q in qs:
        if q['id'] in answers and ev(q['show_if'], eff):
            eff[q['id']] = answers[q['id']]
    return eff


def scenarios(*sets):
    """(path, scenario) for every scenario file in the named sets (tuning, held-out, pending)."""
    for s in sets:
        for f in sorted(glob.glob(os.path.join(ROOT, 'tests', 'scenarios', s, '*.json'))):
            yield f, json.load(open(f))
