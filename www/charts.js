// Accessible inline SVG charts for the results page: fit by model, and where each model's score comes from
// (the points of its reasons and concerns summed by section of the questions). Each SVG has role="img" with a
// <title> and <desc>, and is followed by a data table with the same figures. Colours are never the only cue:
// every bar and cell is labelled with its number. Styling lives in style.css (no inline styles).

import { h } from './dom.js';

/** @typedef {import('./types').ModelResult} ModelResult */
/** @typedef {[string, ModelResult[]]} Group  a heading ("Contract vehicles") and its models in rank order */

const NS = 'http://www.w3.org/2000/svg';
const W = 720; // viewBox width; the SVG scales to its container

/** Creates an SVG element; attribute values here are numbers and fixed class names only. */
function s(/** @type {string} */ tag, /** @type {Record<string, any>} */ attrs, /** @type {any[]} */ ...kids) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...kids.flat());
  return el;
}

/** A model name short enough for a chart label: long names lose their bracketed part (tables keep it). */
const short = (/** @type {string} */ name) => (name.length > 48 && name.indexOf(' (') > 0 ? name.slice(0, name.indexOf(' (')) : name);

/** "+3", "−2", "0" */
const signed = (/** @type {number} */ n) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}`;

/** The SVG with its title and description, inside a wrapper that scrolls sideways on very small screens. */
function svgImage(/** @type {string} */ id, /** @type {number} */ height, /** @type {string} */ title, /** @type {string} */ desc, /** @type {Element[]} */ body) {
  // Focusable so keyboard users can scroll it when it is wider than a small screen.
  return h('div', { class: 'ca-chart-wrap', role: 'region', 'aria-label': `${title} (chart)`, tabindex: '0' },
    s('svg', { class: 'ca-chart', viewBox: `0 0 ${W} ${Math.ceil(height)}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, focusable: 'false' },
      s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, desc), body));
}

/** A data table in a scrolling region labelled by its caption. */
function dataTable(/** @type {string} */ id, /** @type {string} */ caption, /** @type {string[]} */ head, /** @type {any[][]} */ rows) {
  return h('div', { class: 'ca-table-wrap', role: 'region', 'aria-labelledby': id, tabindex: '0' },
    h('table', { class: `ca-table ca-table--data${head.length > 5 ? ' ca-table--wide' : ''}` },
      h('caption', { class: 'ca-table__caption', id }, caption),
      h('thead', null, h('tr', null, head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', null, rows.map(([first, ...cells]) => h('tr', null, h('th', { scope: 'row' }, first), cells.map((c) => h('td', null, c)))))));
}

/**
 * Horizontal bar chart of each model's fit (its score set against the points that could count for it, as the
 * core works it out: ModelResult.fitPercent), with a zero line: negative fits extend to its left.
 * @param {Group[]} groups
 */
export function fitChart(groups) {
  const all = groups.flatMap(([, ms]) => ms);
  const fits = all.map((m) => m.fitPercent);
  const lo = Math.min(0, ...fits), hi = Math.max(0, ...fits), span = hi - lo || 1;
  const x = (/** @type {number} */ v) => 4 + ((v - lo) / span) * (W - 8);
  const basis = (/** @type {ModelResult} */ m) => `${signed(m.score)} of ${m.reachable}`;
  /** @type {Element[]} */ const body = [];
  let y = 0;
  for (const [title, models] of groups) {
    body.push(s('text', { x: 0, y: y + 22, class: 'ca-chart__group' }, title));
    y += 34;
    for (const m of models) {
      body.push(s('text', { x: 0, y: y + 16, class: 'ca-chart__label' }, `${short(m.name)}: ${basis(m)}`));
      const x0 = x(Math.min(0, m.fitPercent));
      body.push(s('rect', { x: x0.toFixed(1), y: y + 24, height: 14, width: Math.max(2, Math.abs(x(m.fitPercent) - x(0))).toFixed(1),
        class: m.fitPercent < 0 ? 'ca-bar ca-bar--neg' : 'ca-bar' }));
      y += 48;
    }
    y += 6;
  }
  body.unshift(s('line', { x1: x(0).toFixed(1), x2: x(0).toFixed(1), y1: 30, y2: y, class: 'ca-chart__zero' }));
  // Each group is in the core's order (ruled-out models last), so its first and last are the core's, not a
  // comparison drawn here.
  const ends = groups.filter(([, ms]) => ms.length > 0).map(([t, ms]) =>
    `${t}: first ${ms[0].name}, ${basis(ms[0])} points; last ${ms[ms.length - 1].name}, ${basis(ms[ms.length - 1])}.`);
  const desc = `One bar per model, grouped into ${groups.map(([t]) => t.toLowerCase()).join(', ')}. `
    + 'Each bar is the model’s score set against the points that could count for it, less the margin a new contract vehicle carries; bars left of the zero line are negative. '
    + ends.join(' ');
  return h('div', { class: 'ca-figure' },
    h('h3', { class: 'ca-heading-m' }, 'Fit by model'),
    h('p', null, 'A longer bar to the right means more of the points that could count for the model do count, from your answers; a new contract vehicle’s bar is shortened by the margin it must clear.'),
    svgImage('ca-fit', y, 'Fit by model', desc, body),
    h('details', { class: 'ca-details', open: true },
      h('summary', { class: 'ca-details__summary' }, h('span', { class: 'ca-details__summary-text' }, 'Fit as a table')),
      h('div', { class: 'ca-details__text' }, dataTable('ca-fit-caption', 'Fit by model', ['Model', 'Type', 'Points that count, of those that could', 'How well it may suit you'],
        groups.flatMap(([title, ms]) => ms.map((m) => [m.name, title, basis(m), m.fitLabel]))))));
}

/**
 * Model-by-criterion view: for each model, the points its answers in each section of the questions add or take
 * away, as the core splits them (ModelResult.bySection, columns as Recommendation.sections).
 * @param {Group[]} groups @param {string[]} sections section titles
 */
export function criteriaChart(groups, sections) {
  /** @param {ModelResult} m @returns {(number | null)[]} */
  const sums = (m) => m.bySection;
  const n = sections.length || 1, cw = W / n;
  /** @type {Element[]} */ const body = sections.map((_, i) =>
    s('text', { x: (i * cw + cw / 2).toFixed(1), y: 18, class: 'ca-chart__col' }, String(i + 1)));
  /** @type {any[][]} */ const rows = [];
  let y = 26;
  for (const [title, models] of groups) {
    body.push(s('text', { x: 0, y: y + 22, class: 'ca-chart__group' }, title));
    y += 34;
    for (const m of models) {
      const row = sums(m);
      rows.push([m.name, ...row.map((v) => (v == null ? '–' : signed(v)))]);
      body.push(s('text', { x: 0, y: y + 16, class: 'ca-chart__label' }, short(m.name)));
      row.forEach((v, i) => {
        const kind = v == null ? 'none' : v >= 4 ? 'p2' : v > 0 ? 'p1' : v === 0 ? 'z' : v <= -4 ? 'n2' : 'n1';
        body.push(s('rect', { x: (i * cw + 2).toFixed(1), y: y + 22, width: (cw - 4).toFixed(1), height: 28, rx: 3, class: `ca-cell ca-cell--${kind}` }));
        if (v != null) body.push(s('text', { x: (i * cw + cw / 2).toFixed(1), y: y + 41, class: `ca-cell__text ca-cell__text--${kind}` }, signed(v)));
      });
      y += 58;
    }
    y += 6;
  }
  const desc = `A grid with one row per model and one column per section of the questions, numbered 1 to ${sections.length}. `
    + 'Each cell shows the points your answers in that section add to (plus) or take from (minus) the model. Empty cells mean no answer in that section counted.';
  return h('div', { class: 'ca-figure' },
    h('h3', { class: 'ca-heading-m' }, 'Where each model’s score comes from'),
    h('p', null, 'Points for (blue, plus) and against (red, minus) each model, added up by section of the questions. The columns are:'),
    h('ol', { class: 'ca-list ca-list--number ca-chart-key' }, sections.map((title) => h('li', null, title))),
    svgImage('ca-crit', y, 'Where each model’s score comes from', desc, body),
    h('details', { class: 'ca-details', open: true },
      h('summary', { class: 'ca-details__summary' }, h('span', { class: 'ca-details__summary-text' }, 'Points by section as a table')),
      h('div', { class: 'ca-details__text' },
        h('p', { class: 'ca-secondary' }, 'A dash means no answer in that section counted for or against the model.'),
        dataTable('ca-crit-caption', 'Points for and against each model, by section of the questions', ['Model', ...sections], rows))));
}

/**
 * The board paper's timetable as a Gantt-style chart (one bar per stage along the months, go-live marked), with
 * the same stages in a data table. All figures and words come from the core's timeline.
 * @param {import('./types').Timeline} t
 */
export function timelineChart(t) {
  const left = 8, right = 16, top = 30, row = 48, months = Math.max(t.total, 1);
  const x = (/** @type {number} */ m) => left + ((W - left - right) * m) / months;
  const height = top + row * t.stages.length + 28;
  const step = months <= 12 ? 1 : months <= 24 ? 3 : 6;
  /** @type {Element[]} */ const body = [];
  for (let m = 0; m <= months; m += step) {
    body.push(s('line', { class: 'ca-chart__grid', x1: x(m), x2: x(m), y1: top - 8, y2: height - 24 }),
      s('text', { class: 'ca-chart__col', x: x(m), y: 16 }, String(m)));
  }
  t.stages.forEach((st, i) => {
    const y = top + i * row;
    const when = st.start === st.end ? `month ${st.start}` : `months ${st.start}–${st.end}`;
    // The label sits above its bar, from the bar's start, or ending at the right edge when the bar starts late.
    const late = x(st.start - 1) > W / 2;
    body.push(s('text', { class: 'ca-chart__label', x: late ? W - right : x(st.start - 1), y: y + 16, 'text-anchor': late ? 'end' : 'start' }, `${short(st.name)}: ${when}`),
      s('rect', { class: 'ca-bar', x: x(st.start - 1).toFixed(1), y: y + 24, height: 14, width: Math.max(x(st.end) - x(st.start - 1), 2).toFixed(1) }));
  });
  body.push(s('line', { class: 'ca-chart__zero', x1: x(t.goLive), x2: x(t.goLive), y1: top - 8, y2: height - 22 }),
    s('text', { class: 'ca-chart__label', x: x(t.goLive), y: height - 4, 'text-anchor': t.goLive > months * 0.7 ? 'end' : 'middle' }, `Go-live: end of month ${t.goLive}`));
  const desc = t.stages.map((st) => `${st.name}: months ${st.start} to ${st.end}`).join('; ') + `. Go-live at the end of month ${t.goLive}.`;
  return [
    svgImage('ca-timeline', height, 'Timetable, month by month', desc, body),
    dataTable('ca-timeline-table', 'Timetable, month by month', ['Stage', 'Months', 'What happens'],
      t.stages.map((st) => [st.name, st.start === st.end ? `${st.start}` : `${st.start}–${st.end}`, st.what])),
  ];
}
