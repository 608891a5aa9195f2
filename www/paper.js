// The board paper: the core's options appraisal (Advisor.boardPaper) as a section of the results page, with its
// timetable as a chart and a table, and three ways to take it to a board: print (a print-only copy of the paper,
// 2–4 A4 pages), Word (the .docx written by the separate Word module, fetched only when asked for) and Markdown.
// Everything shown comes from the core; this module only arranges it.

import { h, button, download, isoToday } from './dom.js';
import { timelineChart } from './charts.js';
import { paperDocx } from './core.js';

/** @typedef {import('./types').Paper} Paper */
/** @typedef {import('./types').PaperBlock} PaperBlock */

/** One block of the paper as HTML. @param {PaperBlock} b */
function block(b) {
  const item = (/** @type {import('./types').PaperItem} */ it) => h('li', null, it.lead ? [h('strong', null, `${it.lead}: `), it.text] : it.text);
  switch (b.kind) {
    case 'heading': return h('h4', { class: 'ca-paper__h3' }, b.text);
    case 'para': return h('p', null, b.text);
    case 'bullets': return h('ul', { class: 'ca-list ca-list--bullet' }, b.items.map(item));
    case 'numbered': return h('ol', { class: 'ca-list ca-list--number' }, b.items.map(item));
    case 'checklist': return h('ul', { class: 'ca-paper__checklist' }, b.items.map((t) => h('li', null, t)));
    case 'table': return h('table', { class: 'ca-table ca-paper__table' },
      h('thead', null, h('tr', null, b.header.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, b.rows.map((r) => h('tr', null, r.map((c) => h('td', null, c))))));
    default: return null;
  }
}

/** The whole paper, for printing. @param {Paper} p */
function printable(p) {
  return h('article', { class: 'ca-paper', 'aria-label': 'Board paper' },
    h('h2', { class: 'ca-paper__title' }, p.title),
    h('table', { class: 'ca-table ca-paper__cover' }, h('tbody', null,
      p.cover.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v))))),
    p.sections.map((s) => h('section', { class: 'ca-paper__section' }, h('h3', { class: 'ca-paper__h2' }, s.heading), s.blocks.map(block))));
}

/**
 * The "Board paper" section of the results page.
 * @param {{ advisor: any, shadow: ShadowRoot }} ctx
 */
export function boardPaperSection(ctx) {
  const res = ctx.advisor.boardPaper(false);
  if (!res.ok) return null;
  /** @type {Paper} */ const paper = res.paper;
  const status = h('p', { class: 'ca-hint', role: 'status', 'aria-live': 'polite' });
  const root = () => /** @type {HTMLElement | null} */ (ctx.shadow.querySelector('.ca-root'));
  const print = () => {
    const r = root();
    if (!r) return;
    const copy = printable(paper);
    r.append(copy);
    r.classList.add('ca-root--paper');
    const done = () => { r.classList.remove('ca-root--paper'); copy.remove(); window.removeEventListener('afterprint', done); };
    window.addEventListener('afterprint', done);
    window.print();
  };
  const word = async () => {
    status.textContent = 'Preparing the Word document…';
    try {
      const out = await paperDocx(paper);
      if (!out.ok) throw new Error(out.errors.map((/** @type {any} */ e) => e.message).join(' '));
      download(`board-paper-${isoToday()}.docx`, out.bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      status.textContent = 'The Word document has been downloaded.';
    } catch (e) {
      status.textContent = `The Word document could not be made here (${e instanceof Error ? e.message : e}). Print the paper or download it as Markdown instead.`;
    }
  };
  const t = paper.timeline;
  return h('section', { class: 'ca-section ca-no-print ca-board-paper', 'aria-labelledby': 'ca-paper-title' },
    h('h2', { class: 'ca-heading-m', id: 'ca-paper-title' }, 'Board paper'),
    h('p', null, 'An options appraisal of two to four pages for your board, with no new contract as the baseline.'),
    h('div', { class: 'ca-button-group' },
      button('Print the board paper', print, 'secondary'),
      button('Download board paper (Word)', word, 'secondary'),
      button('Download board paper (Markdown)', () => download(`board-paper-${isoToday()}.md`, res.markdown, 'text/markdown'), 'secondary')),
    status,
    // Next steps: the month-by-month timetable, one step away (closed by default, like the rest of the detail).
    h('details', { class: 'ca-details ca-fold' },
      h('summary', { class: 'ca-details__summary' }, h('span', { class: 'ca-details__summary-text' }, 'Next steps: the month-by-month timetable')),
      h('div', { class: 'ca-details__text' }, h('p', null, t.summary), timelineChart(t), h('p', { class: 'ca-hint' }, t.assumptions))));
}
