"""Renders the questionnaire for encoders, without effects: every question in order with its hint, help, the
glossary terms it shows, its options and when it is shown. Usage: python3 questionnaire.py OUT.md"""
import json
import os
import sys

from qlib import DATA, questions


def cond(c):
    if c is None:
        return ''
    if 'any_of' in c:
        return f"`{c['q']}` is " + ' or '.join(f'`{o}`' for o in c['any_of'])
    if 'answered' in c:
        return f"`{c['q']}` is {'answered' if c['answered'] else 'not answered'}"
    if 'all' in c:
        return '(' + ' and '.join(cond(x) for x in c['all']) + ')'
    if 'any' in c:
        return '(' + ' or '.join(cond(x) for x in c['any']) + ')'
    return 'not ' + cond(c['not'])


def render():
    glossary = {g['id']: g for g in json.load(open(os.path.join(DATA, 'glossary.json')))}
    out = ['# The questionnaire', '',
           'Questions in order. A `single` question takes one option id; a `multi` question takes a list of option '
           'ids. A question with "Shown only if" is asked only when that holds for your earlier answers; leave it '
           'out otherwise. An option marked *exclusive* in a `multi` question cannot be combined with others.', '']
    section = None
    for q in questions():
        if q['_section'] != section:
            section = q['_section']
            out += [f'## {section}', '']
        out += [f"### `{q['id']}` ({q['kind']}): {q['text']}", '']
        if q['show_if']:
            out += ['Shown only if: ' + cond(q['show_if']), '']
        if q['hint']:
            out += ['Hint: ' + q['hint'], '']
        if q.get('help'):
            out += ['Help: ' + q['help'], '']
        for t in q.get('defines') or []:
            if t in glossary:
                out += [f"Term: *{glossary[t]['term']}*: {glossary[t]['definition']}", '']
        for o in q['options']:
            excl = ' *(exclusive)*' if o.get('exclusive') and q['kind'] == 'multi' else ''
            hint = f" ({o['hint']})" if o.get('hint') else ''
            out.append(f"- `{o['id']}`: {o['label']}{hint}{excl}")
        out.append('')
    return '\n'.join(out)


if __name__ == '__main__':
    open(sys.argv[1], 'w').write(render())
