// The question page and Check your answers, following the NHS question-page and check-answers patterns.
// Each returns the screen's nodes (the element adds any error summary or notice and moves focus).

import { h, vh, h1, button, backLink, actionLink, errorMessage } from './dom.js';

/** @typedef {import('./element.js').Ctx} Ctx */
/** @typedef {import('./element.js').Screen} Screen */
/** @typedef {import('./types').QuestionView} QuestionView */

/**
 * One question: caption and progress, the question as the h1 inside the legend, hint, help, terms, radios or
 * checkboxes, Continue. Returns null if the question does not apply (the element shows Check your answers).
 * @param {Ctx} ctx @param {Screen} state
 */
export function questionPage(ctx, state) {
  if (typeof state.q !== 'string') return null;
  const res = ctx.advisor.question(state.q);
  if (!res.ok) return null;
  /** @type {QuestionView} */ const q = res.question;
  const multi = q.kind === 'multi';
  const errors = state.errors;
  const picked = new Set(state.picked || q.options.filter((o) => o.selected).map((o) => o.id));

  const inputs = q.options.map((o, i) => h('input', {
    class: 'ca-choice__input', id: `ca-opt-${i}`, type: multi ? 'checkbox' : 'radio', name: 'ca-answer', value: o.id,
    checked: picked.has(o.id), 'aria-describedby': o.hint ? `ca-opt-${i}-hint` : null,
    onchange: multi ? () => toggled(o.id) : null,
  }));
  /** Ticking or unticking a checkbox: the core says which options stay ticked (an exclusive one clears the others). */
  function toggled(/** @type {string} */ id) {
    const now = q.options.filter((_, j) => /** @type {HTMLInputElement} */ (inputs[j]).checked).map((x) => x.id);
    const before = now.includes(id) ? now.filter((x) => x !== id) : [...now, id];
    const r = ctx.advisor.toggleOption(q.id, before, id);
    if (!r.ok) return;
    q.options.forEach((x, j) => { /** @type {HTMLInputElement} */ (inputs[j]).checked = r.picked.includes(x.id); });
  }

  /** Answers through the core (which says what is wrong, if anything), then goes to the next question or back to Check your answers. */
  function submit(/** @type {Event} */ e) {
    e.preventDefault();
    const chosen = q.options.filter((_, i) => /** @type {HTMLInputElement} */ (inputs[i]).checked).map((o) => o.id);
    const fail = (/** @type {{ message: string }[]} */ errs) =>
      ctx.rerender({ ...state, errors: errs.map((x) => ({ message: x.message, target: 'ca-opt-0' })), picked: chosen });
    const r = ctx.advisor.answer(q.id, chosen);
    if (!r.ok) return fail(r.errors);
    ctx.changed();
    ctx.go(state.from === 'check' || !r.next ? { screen: 'check' } : { screen: 'question', q: r.next });
  }

  const back = () => ctx.go(state.from === 'check' ? { screen: 'check' }
    : q.previous ? { screen: 'question', q: q.previous } : { screen: 'start' });
  const describedBy = [q.hint && 'ca-hint', errors && 'ca-error'].filter(Boolean).join(' ');

  return [
    backLink(back),
    h('progress', { class: 'ca-progress', max: q.total, value: q.number, 'aria-hidden': 'true' }),
    h('form', { class: 'ca-form', novalidate: true, onsubmit: submit },
      h('div', { class: 'ca-form-group' + (errors ? ' ca-form-group--error' : '') },
        h('fieldset', { class: 'ca-fieldset', 'aria-describedby': describedBy || null },
          h('legend', { class: 'ca-fieldset__legend' },
            h('span', { class: 'ca-caption' }, q.sectionTitle, h('span', { class: 'ca-caption__count' }, vh(' – '), `Question ${q.number} of ${q.total}`)),
            h1(q.text)),
          q.hint && h('div', { class: 'ca-hint', id: 'ca-hint' }, q.hint),
          q.help && h('div', { class: 'ca-inset' }, h('p', null, q.help)),
          q.terms.map((t) => h('details', { class: 'ca-details' },
            h('summary', { class: 'ca-details__summary' }, h('span', { class: 'ca-details__summary-text' }, `What we mean by ${t.term}`)),
            h('div', { class: 'ca-details__text' }, h('p', null, t.definition),
              t.sources.length > 0 && h('p', { class: 'ca-sources' }, 'Sources: ' + t.sources.join(', '))))),
          errors && errorMessage('ca-error', errors.map((x) => x.message)),
          h('div', { class: multi ? 'ca-choices ca-checkboxes' : 'ca-choices ca-radios' }, q.options.map((o, i) => [
            multi && o.exclusive && h('div', { class: 'ca-choice__divider' }, 'or'),
            h('div', { class: 'ca-choice' }, inputs[i],
              h('label', { class: 'ca-choice__label', for: `ca-opt-${i}` }, o.label),
              o.hint && h('div', { class: 'ca-hint ca-choice__hint', id: `ca-opt-${i}-hint` }, o.hint)),
          ])))),
      h('button', { type: 'submit', class: 'ca-button' }, 'Continue')),
  ];
}

/**
 * Check your answers: every question that applies, grouped by section, with Change (or Answer) links.
 * @param {Ctx} ctx @param {Screen} state
 */
export function checkPage(ctx, state) {
  /** @type {import('./types').Journey} */ const j = ctx.advisor.journey();
  /** @type {{ title: string, items: import('./types').JourneyItem[] }[]} */ const groups = [];
  for (const it of j.items) {
    let g = groups[groups.length - 1];
    if (!g || g.title !== it.sectionTitle) groups.push((g = { title: it.sectionTitle, items: [] }));
    g.items.push(it);
  }
  const last = j.items[j.items.length - 1];
  return [
    backLink(() => ctx.go(last ? { screen: 'question', q: last.id } : { screen: 'start' })),
    h1('Check your answers'),
    !j.complete && h('div', { class: 'ca-inset' }, h('p', null,
      `You have answered ${j.answered} of ${j.total} questions. You can see options now, but the advice will be less certain until you answer the rest.`)),
    groups.map((g) => [
      h('h2', { class: 'ca-heading-m' }, g.title),
      h('dl', { class: 'ca-summary-list' }, g.items.map((it) => h('div', { class: 'ca-summary-list__row' },
        h('dt', { class: 'ca-summary-list__key' }, it.text),
        h('dd', { class: 'ca-summary-list__value' }, it.answers.length === 0 ? h('span', { class: 'ca-secondary' }, 'Not answered')
          : it.answers.length === 1 ? it.answers[0] : h('ul', { class: 'ca-list' }, it.answers.map((a) => h('li', null, a)))),
        h('dd', { class: 'ca-summary-list__actions' }, actionLink(it.answers.length
          ? ['Change', vh(` your answer to: ${it.text}`)] : ['Answer', vh(` the question: ${it.text}`)],
        () => ctx.go({ screen: 'question', q: it.id, from: 'check' })))))),
    ]),
    h('h2', { class: 'ca-heading-m' }, 'Now see your options'),
    h('p', null, 'The options are worked out on this device from your answers. You can come back and change them.'),
    button('See options that may suit you', () => ctx.go({ screen: 'results' })),
    ctx.savePanel(state),
  ];
}
