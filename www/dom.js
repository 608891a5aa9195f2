// Small DOM helpers shared by every screen. Everything is built with createElement and text nodes: no HTML
// strings, so content from the core (or from a user's file) can never become markup.

/**
 * Creates an element. `attrs` keys starting with "on" add event listeners; `checked`, `value`, `open`,
 * `hidden`, `readOnly` and `disabled` are set as properties; everything else with setAttribute (callers only
 * pass fixed names, generated ids and in-page hrefs here). Children may be nodes, strings, arrays or nothing.
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(HEADING_SHIFT && /^h[1-6]$/.test(tag) ? `h${Math.min(6, Number(tag[1]) + HEADING_SHIFT)}` : tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) /** @type {any} */ (el)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...flat(children));
  return el;
}
/** How many levels every heading moves down (the element's heading-level attribute, less one). */
let HEADING_SHIFT = 0;
/** Sets the level of each screen's main heading (1 to 3); the headings under it follow. @param {number} level */
export function setHeadingLevel(level) {
  HEADING_SHIFT = Number.isInteger(level) && level >= 1 && level <= 3 ? level - 1 : 0;
}
const PROPS = new Set(['checked', 'value', 'open', 'hidden', 'readOnly', 'disabled']);

/** @param {any[]} list @returns {(Node|string)[]} */
function flat(list) {
  return list.flat(Infinity).filter((c) => c != null && c !== false && c !== '');
}

/** Text only screen-reader users hear (GOV.UK "visually hidden"). @param {string} text */
export const vh = (text) => h('span', { class: 'ca-vh' }, text);

/**
 * A button. `kind` is "" (primary, green), "secondary", "warning" or "link" (looks like a link).
 * @param {string} label @param {(e: Event) => void} onclick @param {string} [kind] @param {any} [extra]
 */
export function button(label, onclick, kind = '', extra = {}) {
  return h('button', { type: 'button', class: `ca-button${kind ? ' ca-button--' + kind : ''}`, onclick, ...extra }, label);
}

/** A link that runs `action` instead of navigating (so the page URL and fragment stay as they are). */
export function actionLink(children, action, href = '#') {
  return h('a', { href, class: 'ca-link', onclick: (/** @type {Event} */ e) => { e.preventDefault(); action(); } }, children);
}

/** The "Back" link of the NHS question-page pattern (a button, because it does not go to an address). */
export const backLink = (/** @type {() => void} */ onclick) => button('Back', onclick, 'back');

/** The screen's heading, focused on every screen change. @param {any} children */
export const h1 = (...children) => h('h1', { class: 'ca-heading-l', tabindex: '-1' }, children);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-22" → "22 November 2026"; anything else is returned unchanged. @param {string} iso */
export function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return m && +m[2] >= 1 && +m[2] <= 12 ? `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}` : iso;
}

/** Today in the user's time zone, as "22 November 2026". */
export function today() {
  const d = new Date();
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** Today as "2026-11-22", for file names. */
export function isoToday() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/**
 * Offers `text` as a file download (Blob + object URL + a temporary link; nothing leaves the device).
 * @param {string} name @param {string | Uint8Array} text @param {string} type
 */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * The GOV.UK error summary: role="alert", focused by the caller. Each item links to (and focuses) its field.
 * @param {{ message: string, target?: string }[]} items  target: id of the field in the same shadow root
 * @param {ShadowRoot} root
 * @param {string} [title]
 */
export function errorSummary(items, root, title = 'There is a problem') {
  return h('div', { class: 'ca-error-summary', role: 'alert', tabindex: '-1' },
    h('h2', { class: 'ca-error-summary__title' }, title),
    h('ul', { class: 'ca-list ca-error-summary__list' }, items.map((it) => h('li', null, it.target
      ? actionLink(it.message, () => focusField(root, /** @type {string} */ (it.target)), '#' + it.target)
      : it.message))));
}

/** Focuses a field and scrolls its legend or label into view, as govuk-frontend does. */
function focusField(/** @type {ShadowRoot} */ root, /** @type {string} */ id) {
  const el = /** @type {HTMLElement | null} */ (root.getElementById(id));
  if (!el) return;
  const label = el.closest('fieldset')?.querySelector('legend') || root.querySelector(`label[for="${id}"]`);
  el.focus({ preventScroll: true });
  (label || el).scrollIntoView({ block: 'start' });
}

/** The red error message shown above a field. @param {string} id @param {string[]} messages */
export function errorMessage(id, messages) {
  return h('p', { class: 'ca-error-message', id }, messages.map((m, i) => [i ? h('br') : null, vh('Error: '), m]));
}

/** A coloured tag (text is always there too, so colour is never the only cue). */
export const tag = (/** @type {string} */ text, /** @type {string} */ kind) => h('strong', { class: `ca-tag ca-tag--${kind}` }, text);
