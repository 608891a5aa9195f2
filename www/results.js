// The results views, loaded only when needed: contract options (with charts and the print report), procurement
// route, what would change this advice, compare all models, cases and sources. Everything shown comes from
// advisor.recommend() and advisor.catalogue(); this module only arranges it.

import { h, vh, h1, button, backLink, actionLink, tag, longDate, today, isoToday, download } from './dom.js';
import { fitChart, criteriaChart } from './charts.js';
import { boardPaperSection } from './paper.js';

/** @typedef {import('./element.js').Ctx} Ctx */
/** @typedef {import('./element.js').Screen} Screen */
/** @typedef {import('./types').Recommendation} Recommendation */
/** @typedef {import('./types').ModelResult} ModelResult */
/** @typedef {import('./types').ClaimView} ClaimView */
/** @typedef {import('./types').ContributionView} ContributionView */
/** @typedef {import('./types').SourceView} SourceView */
/** @typedef {import('./types').FlagView} FlagView */

/** Results views in sub-navigation order, with the `sections` name that switches each on. */
const SCREENS = [
  ['results', 'Contract options', ''],
  ['procurement', 'Procurement route', 'procurement'],
  ['whatif', 'What would change this advice', 'whatif'],
  ['compare', 'Compare all models', 'compare'],
  ['cases', 'Cases', 'cases'],
  ['sources', 'Sources', 'sources'],
];

/** A value from one of the fixed tables below, or `fallback` for anything the table does not know. */
const pick = (/** @type {Record<string, string>} */ map, /** @type {string | null} */ key, /** @type {string} */ fallback) =>
  (key != null && Object.hasOwn(map, key) ? map[key] : fallback);
const FIT = { best: 'best', close: 'close', partial: 'partial', poor: 'poor', 'ruled-out': 'serious', unknown: 'unknown' };
const STATUS = { ready: 'Ready', partial: 'Partly ready', gap: 'Gap', unknown: 'Not known' };
const NEED = { some: 'Some', strong: 'Strong' };
const MODEL_STATUS = { established: 'Established', emerging: 'Emerging', superseded: 'Superseded' };
const LEVEL = { high: 'High', medium: 'Medium', low: 'Low' };
/** A warning's severity (the core's id) to its tag's colour; the words are the core's `severityLabel`. */
const SEVERITY = { high: 'serious', medium: 'partial', low: 'neutral' };

/** A safe fragment of an id for use in an element id (ids come from the content; anything odd gets none). */
const safeId = (/** @type {string} */ prefix, /** @type {string} */ id) => (/^[A-Za-z0-9_-]{1,40}$/.test(id) ? prefix + id : null);
const cap = (/** @type {string} */ s) => s.charAt(0).toUpperCase() + s.slice(1);
/** A disclosure, closed by default, that keeps the results page short; printed open. */
const fold = (/** @type {any} */ label, /** @type {any} */ body) => h('details', { class: 'ca-details ca-fold' },
  h('summary', { class: 'ca-details__summary' }, h('span', { class: 'ca-details__summary-text' }, label)),
  h('div', { class: 'ca-details__text' }, body));
/** A score with a real minus sign: "−11". */
const num = (/** @type {number} */ n) => (n < 0 ? `−${-n}` : String(n));
/** "+2 points", "−1 point" */
const points = (/** @type {number} */ n) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;

/** An http(s) address from the content, or null. @param {string} url */
function webAddress(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Renders one results view. Returns the screen actually shown (a view switched off by `sections` falls back to
 * the main results) and its nodes.
 * @param {Ctx} ctx @param {Screen} state @returns {[string, any[]]}
 */
export function view(ctx, state) {
  const show = ctx.sections();
  const screens = SCREENS.filter(([, , key]) => !key || show.has(key));
  const screen = screens.some(([s]) => s === state.screen) ? state.screen : 'results';
  const r = new Renderer(ctx, show, screens);
  const body = screen === 'procurement' ? r.procurement() : screen === 'whatif' ? r.whatIf()
    : screen === 'compare' ? r.compare() : screen === 'cases' ? r.cases() : screen === 'sources' ? r.sourcesView()
      : r.results(state);
  return [screen, body];
}

/** Builds the results views from one recommendation and the catalogue; one instance per render. */
class Renderer {
  /** @param {Ctx} ctx @param {Set<string>} show @param {string[][]} screens */
  constructor(ctx, show, screens) {
    this.ctx = ctx;
    this.show = show;
    this.screens = screens;
    /** @type {Recommendation} */ this.rec = ctx.recommendation();
    /** @type {import('./types').Catalogue} */ this.cat = ctx.catalogue();
    this.tables = 0; // numbers the skills tables' captions
    this.refs = 0; // numbers the in-place source references
  }

  /** Back, h1, sub-navigation: the top of every results view. */
  top(/** @type {string} */ screen, /** @type {string} */ title) {
    const back = screen === 'results' ? () => this.ctx.go({ screen: 'check' }) : () => this.ctx.go({ screen: 'results' });
    return [backLink(back), h1(title), this.nav(screen)];
  }

  nav(/** @type {string} */ current) {
    return h('nav', { class: 'ca-subnav ca-no-print', 'aria-label': 'Results' },
      h('ul', { class: 'ca-subnav__list' }, this.screens.map(([s, label]) => h('li', { class: 'ca-subnav__item' },
        s === current
          ? h('a', { class: 'ca-subnav__link', href: '#' + s, 'aria-current': 'page', onclick: (/** @type {Event} */ e) => e.preventDefault() }, label)
          : actionLink(label, () => this.ctx.go({ screen: s }), '#' + s)))));
  }

  /** "Sources: S1, S22": each id opens its full reference in place (and closes it again with Escape, focus back on
   * the id); the reference links on to the Sources view (plain text if that view is switched off). */
  sources(/** @type {string[]} */ ids, label = 'Sources: ') {
    if (!ids.length) return null;
    return h('span', { class: 'ca-sources' }, label, ids.map((id, i) => [i ? ', ' : '', this.sourceRef(id)]));
  }

  /** One source id as a disclosure: a button and, hidden until pressed, the reference. @param {string} id */
  sourceRef(id) {
    const s = this.rec.sources.find((x) => x.id === id) || this.cat.sources.find((x) => x.id === id);
    const anchor = safeId('ca-src-', id);
    if (!s || !anchor) return id;
    const panelId = `ca-ref-${++this.refs}`;
    const href = webAddress(s.url);
    /** @type {HTMLElement} */
    const panel = h('span', { class: 'ca-ref', id: panelId, hidden: true },
      h('span', { class: 'ca-ref__title' }, s.title), ' ',
      [s.author, s.publisher, s.year].filter(Boolean).join('. ') + '. ',
      href && [h('a', { class: 'ca-link', href, rel: 'noreferrer' }, 'Open the source'), ' '],
      this.show.has('sources') && actionLink(['See ', id, ' in the source list'], () => this.ctx.go({ screen: 'sources', focus: anchor }), '#' + anchor));
    /** @type {HTMLElement} */
    const toggle = h('button', { type: 'button', class: 'ca-ref-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, 'data-source': id,
      onclick: () => {
        const open = panel.hidden;
        panel.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
      } }, vh('source '), id);
    const printed = h('span', { class: 'ca-ref-print' }, id); // the citation on paper, where buttons are not printed
    const close = (/** @type {KeyboardEvent} */ e) => {
      if (e.key !== 'Escape' || panel.hidden) return;
      panel.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    };
    panel.addEventListener('keydown', close);
    toggle.addEventListener('keydown', close);
    return [toggle, printed, panel];
  }

  /** A list item: a statement followed by its sources. @param {ClaimView} c */
  claim(c) {
    return h('li', null, c.text, ' ', this.sources(c.sources));
  }

  // ---- Main results ---------------------------------------------------------------------------------------

  /** @param {Screen} state */
  results(state) {
    const { rec, show } = this;
    const j = this.ctx.advisor.journey();
    return [
      ...this.top('results', 'Contract options that may suit you'),
      !j.complete && h('div', { class: 'ca-inset' }, h('p', null, `You have answered ${j.answered} of ${j.total} questions, so this advice is less certain. `,
        actionLink('Answer the remaining questions', () => this.ctx.go({ screen: 'check' })), '.')),
      this.summary(),
      this.meta(),
      this.combinations(),
      this.watch(),
      this.confidence(),
      show.has('charts') && this.charts(),
      show.has('arrangements') && this.layer('arrangements', 'Commissioning arrangements', 'The commissioning arrangement is how the commissioners organise themselves and their money: alone, jointly, one for the others, in a pooled fund or by delegation.', rec.arrangements),
      show.has('vehicles') && this.layer('vehicles', 'Contract vehicles', 'The contract vehicle is who holds the contract and how providers relate to each other.', rec.vehicles),
      show.has('payments') && this.layer('payments', 'Payment rules', 'The payment rule is how money flows to providers and who carries the financial risk.', rec.payments),
      boardPaperSection(this.ctx),
      this.report(),
      this.ctx.savePanel(state),
    ];
  }

  /** The answer on one screen, as the core words it: combination, fit, reasons, first warnings, what it would
   * take and the procurement route. */
  summary() {
    const sm = this.rec.summary;
    if (!sm) return null;
    return h('section', { class: 'ca-section ca-summary-card', 'aria-labelledby': 'ca-summary-title' },
      h('h2', { class: 'ca-heading-m', id: 'ca-summary-title' }, 'Summary'),
      h('p', { class: 'ca-lead' }, h('strong', null, sm.combination)),
      h('p', null, sm.fit),
      sm.reasons.length > 0 && [h('h3', { class: 'ca-heading-s' }, 'Why, from your answers'),
        h('ul', { class: 'ca-list ca-list--bullet' }, sm.reasons.map((c) => h('li', null, c.why, ` You answered “${c.answer}”. `, this.sources(c.sources))))],
      sm.watch.length > 0 && [h('h3', { class: 'ca-heading-s' }, `What to watch first (${sm.watch.length} of ${sm.watchTotal})`),
        h('ul', { class: 'ca-list ca-list--bullet' }, sm.watch.map((f) => h('li', null, h('strong', null, f.title), ` ${f.mitigation}`)))],
      h('h3', { class: 'ca-heading-s' }, 'What it would take'),
      h('p', null, sm.readiness),
      sm.procurement && [h('h3', { class: 'ca-heading-s' }, 'Likely procurement route'),
        h('p', null, sm.procurement, ' ', this.show.has('procurement')
          ? actionLink('See the procurement route', () => this.ctx.go({ screen: 'procurement' }), '#procurement') : null)]);
  }

  meta() {
    return [
      h('p', { class: 'ca-meta' }, `These are suggestions to test with colleagues and advisers, not a decision. Content version ${this.rec.contentVersion}, last reviewed ${longDate(this.rec.lastReviewed)}.`),
      h('p', { class: 'ca-meta ca-print-only ca-print-date' }, `Report printed on ${today()}.`),
    ];
  }

  confidence() {
    const c = this.rec.confidence;
    return h('section', { class: 'ca-section', 'aria-labelledby': 'ca-conf-title' },
      h('h2', { class: 'ca-heading-m', id: 'ca-conf-title' }, 'How sure this advice is'),
      h('p', null, 'Confidence: ', h('strong', null, pick(LEVEL, c.level, c.level)), '. ', c.summary),
      fold('Why', h('ul', { class: 'ca-list ca-list--bullet' }, c.reasons.map((t) => h('li', null, t)))));
  }

  /** The alternatives to the recommended combination (which the summary names), and any tie. */
  combinations() {
    const [first, ...others] = this.rec.combinations;
    return h('section', { class: 'ca-section', 'aria-labelledby': 'ca-comb-title' },
      h('h2', { class: 'ca-heading-m', id: 'ca-comb-title' }, 'Other combinations to consider'),
      !first ? h('p', null, 'No combination stands out from your answers yet.')
        : others.length > 0 ? h('ul', { class: 'ca-list ca-list--bullet' }, others.map((x) => h('li', null, x.text)))
          : h('p', null, 'No other combination comes close.'),
      this.rec.ties.map((t) => h('div', { class: 'ca-inset ca-tie' }, h('p', null, t.text))));
  }

  /** What to watch: the warnings the core raises for the situation and the recommended combination, in the core's
   * order (most serious first), then those it raises for the other options it puts forward (that may also suit you,
   * or in the other combinations listed) or that your answers say were proposed, each saying which. */
  watch() {
    const { watch: list, watchAlso: also } = this.rec;
    const n = (/** @type {number} */ k) => `${k} ${k === 1 ? 'warning' : 'warnings'}`;
    const label = also.length === 0
      ? `All ${n(list.length)} for your situation and this combination, most serious first`
      : list.length === 0
        ? `${n(also.length)} for other options, none for your situation and this combination`
        : `All ${n(list.length)}, most serious first, and ${also.length} for other options`;
    return list.length + also.length > 0 && h('section', { class: 'ca-section', 'aria-labelledby': 'ca-watch-title' },
      h('h2', { class: 'ca-heading-m', id: 'ca-watch-title' }, 'What to watch'),
      fold(label, [
        list.map((f) => this.flag(f, 'ca-watch')),
        also.length > 0 && [h('h3', { class: 'ca-heading-s' }, 'If you choose another option this advice suggests, or one that has been proposed'),
          also.map((f) => this.flag(f, 'ca-watch-also'))]]));
  }

  /** One warning. @param {FlagView} f @param {string} cls */
  flag(f, cls) {
    return h('div', { class: `ca-warning ${cls}` },
      h('p', { class: 'ca-flag__title' }, tag(f.severityLabel, pick(SEVERITY, f.severity, 'neutral')), ' ',
        h('strong', null, vh('Warning: '), f.title)),
      f.appliesIf && h('p', null, f.appliesIf),
      f.caseId && h('p', null, 'From the case: ', this.caseLink(f.caseId, f.caseName || '')),
      f.because.length > 0 && h('ul', { class: 'ca-list ca-list--bullet ca-flag__because' }, f.because.map((t) => h('li', null, `${t}.`))),
      h('p', null, f.message),
      h('p', null, h('strong', null, 'What you can do: '), f.mitigation),
      h('p', null, this.sources(f.sources)));
  }

  charts() {
    const { rec, show } = this;
    const byRank = (/** @type {ModelResult[]} */ ms) => [...ms].sort((a, b) => a.rank - b.rank);
    /** @type {[string, ModelResult[]][]} */ const groups = [];
    if (show.has('arrangements')) groups.push(['Commissioning arrangements', byRank(rec.arrangements)]);
    if (show.has('vehicles')) groups.push(['Contract vehicles', byRank(rec.vehicles)]);
    if (show.has('payments')) groups.push(['Payment rules', byRank(rec.payments)]);
    if (!groups.length) return null;
    return h('section', { class: 'ca-section ca-charts', 'aria-labelledby': 'ca-charts-title' },
      h('h2', { class: 'ca-heading-m', id: 'ca-charts-title' }, 'Charts'),
      fold('How well each model fits, and where its points come from', [
        fitChart(groups),
        criteriaChart(groups, this.rec.sections)]));
  }

  /**
   * One layer: the top three models in full, the rest in expandable sections.
   * @param {string} id @param {string} title @param {string} intro @param {ModelResult[]} models
   */
  layer(id, title, intro, models) {
    const ranked = [...models].sort((a, b) => a.rank - b.rank);
    const rest = ranked.slice(3);
    return h('section', { class: `ca-layer ca-layer--${id}`, 'aria-labelledby': `ca-${id}-title` },
      h('h2', { class: 'ca-heading-l2', id: `ca-${id}-title` }, title),
      h('ol', { class: 'ca-list ca-list--number ca-ranking' }, ranked.slice(0, 3).map((m) =>
        h('li', null, h('strong', null, cap(m.shortName)), ` – ${m.fitLabel}`))),
      fold([`All ${ranked.length} ${title.toLowerCase()}, ranked, with why each may or may not suit you`], [
        h('p', null, intro),
        ranked.slice(0, 3).map((m) => h('article', { class: 'ca-model' },
          h('h3', { class: 'ca-heading-m ca-model__title' }, `${m.rank}. ${m.name}`), this.model(m))),
        rest.length > 0 && [
          h('h3', { class: 'ca-heading-m' }, `Other ${title.toLowerCase()}`),
          rest.map((m) => h('details', { class: 'ca-details ca-model ca-model--more' },
            h('summary', { class: 'ca-details__summary' }, h('span', { class: 'ca-details__summary-text' }, `${m.rank}. ${m.name}`),
              h('span', { class: 'ca-details__summary-fit' }, ` – ${m.fitLabel}`)),
            h('div', { class: 'ca-details__text' }, this.model(m))))]]));
  }

  /** Everything about one model. @param {ModelResult} m */
  model(m) {
    const sub = (/** @type {string} */ title, /** @type {any} */ body) => [h('h4', { class: 'ca-heading-s' }, title), body];
    const claims = (/** @type {string} */ title, /** @type {ClaimView[]} */ list) =>
      list.length > 0 && sub(title, h('ul', { class: 'ca-list ca-list--bullet' }, list.map((c) => this.claim(c))));
    const head = [
      h('p', { class: 'ca-fit' }, tag(cap(m.fitLabel), pick(FIT, m.fit, 'unknown')), ' ', h('span', { class: 'ca-fit__score' }, `Fit: ${m.basis}.`)),
      m.marginNote && h('p', null, m.marginNote),
      h('p', null, m.summary)];
    const body = [
      m.synonyms.length > 0 && h('p', { class: 'ca-secondary' }, `Also called: ${m.synonyms.join(', ')}.`),
      (m.status !== 'established' || m.statusNote) && h('div', { class: 'ca-inset' },
        h('p', null, h('strong', null, `Status: ${pick(MODEL_STATUS, m.status, cap(m.status)).toLowerCase()}. `), m.statusNote || '')),
      sub('Why it may suit you', m.reasons.length
        ? h('ul', { class: 'ca-list ca-contribs' }, m.reasons.map((c) => this.contribution(c)))
        : h('p', null, 'None of your answers count in its favour.')),
      sub('What counts against it', m.concerns.length
        ? h('ul', { class: 'ca-list ca-contribs' }, m.concerns.map((c) => this.contribution(c)))
        : h('p', null, 'None of your answers count against it.')),
      m.withheld.length > 0 && sub('Not counted yet', [
        h('p', null, m.withheldNote || '', ' ', this.sources(m.withheldSources)),
        h('ul', { class: 'ca-list ca-contribs' }, m.withheld.map((c) => this.contribution(c, true)))]),
      this.readiness(m.readiness, m.name),
      m.redFlags.length > 0 && sub('Warnings', m.redFlags.map((f) => this.flag(f, 'ca-flag'))),
      claims('Pros', m.pros),
      claims('Cons', m.cons),
      claims('Risks', m.risks),
      h('p', null, this.sources([...m.sources, ...m.marginSources.filter((x) => !m.sources.includes(x))], 'Sources for this model: ')),
    ];
    return [head, body];
  }

  /** One answer that counts for or against a model (or, `withheld`, would count). @param {ContributionView} c @param {boolean} [withheld] */
  contribution(c, withheld = false) {
    return h('li', { class: 'ca-contrib' + (c.serious ? ' ca-contrib--serious' : '') },
      c.serious && h('p', null, tag('Serious concern', 'serious')),
      h('p', null, 'You answered ', h('strong', null, `“${c.answer}”`), ` to “${c.question}”`),
      h('p', null, c.why),
      h('p', { class: 'ca-secondary' }, points(c.points), withheld ? ', not counted' : '', '. ', this.sources(c.sources)));
  }

  /**
   * What the model demands set against what the user reported.
   * @param {import('./types').ReadinessView} r @param {string} name the model's name
   */
  readiness(r, name) {
    return [
      h('h4', { class: 'ca-heading-s' }, 'What it would demand of you'),
      r.summary.length
        ? h('ul', { class: 'ca-list ca-list--bullet' }, r.summary.map((s) => h('li', null, s)))
        : h('p', null, 'From your answers, you may already have what it needs.'),
      h('dl', { class: 'ca-summary-list ca-summary-list--compact' },
        h('div', { class: 'ca-summary-list__row' }, h('dt', { class: 'ca-summary-list__key' }, 'Time to set up'),
          h('dd', { class: 'ca-summary-list__value' }, `Usually ${r.leadTime}. `,
            r.monthsAvailable == null ? 'You did not say how long you have.' : `You said you have ${r.monthsAvailable} months.`),
          h('dd', { class: 'ca-summary-list__actions' }, this.status(r.timeStatus))),
        h('div', { class: 'ca-summary-list__row' }, h('dt', { class: 'ca-summary-list__key' }, 'Upfront cost'),
          h('dd', { class: 'ca-summary-list__value' }, cap(r.upfrontCost)),
          h('dd', { class: 'ca-summary-list__actions' }, this.status(r.costStatus)))),
      r.leadTimeNote && h('p', { class: 'ca-secondary' }, r.leadTimeNote),
      r.skills.length > 0 && h('div', { class: 'ca-table-wrap', role: 'region', 'aria-labelledby': `ca-skills-${++this.tables}`, tabindex: '0' },
        h('table', { class: 'ca-table ca-table--skills' },
          h('caption', { class: 'ca-table__caption', id: `ca-skills-${this.tables}` }, 'Skills it needs', vh(`: ${name}`)),
          h('thead', null, h('tr', null, ['Skill', 'It needs', 'You have', 'Status', 'Sources'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, r.skills.map((s) => h('tr', null,
            h('th', { scope: 'row' }, s.name), h('td', null, pick(NEED, s.need, s.need)),
            h('td', null, s.answer ?? 'Not answered'), h('td', null, this.status(s.status)),
            h('td', null, this.sources(s.sources, ''))))))),
      h('p', null, this.sources(r.sources)),
    ];
  }

  /** A readiness status as a coloured tag with words. @param {string} s */
  status(s) {
    return Object.hasOwn(STATUS, s) ? tag(STATUS[s], s) : tag(cap(s), 'unknown');
  }

  /** A link to a case in the Cases view (plain text when that view is off). */
  caseLink(/** @type {string} */ id, /** @type {string} */ name) {
    const anchor = safeId('ca-case-', id);
    return this.show.has('cases') && anchor
      ? actionLink(name, () => this.ctx.go({ screen: 'cases', focus: anchor }), '#' + anchor) : name;
  }

  /** Print, Markdown and JSON, plus the print-only appendix (answers, route, sources). */
  report() {
    const adv = this.ctx.advisor;
    const print = () => {
      const date = this.ctx.shadow.querySelector('.ca-print-date');
      if (date) date.textContent = `Report printed on ${today()}.`;
      // Open the folded parts for browsers that print closed disclosures closed, then put them back.
      const closed = [...this.ctx.shadow.querySelectorAll('details.ca-fold:not([open])')];
      closed.forEach((d) => { d.open = true; });
      window.print();
      closed.forEach((d) => { d.open = false; });
    };
    return [
      this.appendix(),
      h('section', { class: 'ca-section ca-no-print', 'aria-labelledby': 'ca-report-title' },
        h('h2', { class: 'ca-heading-m', id: 'ca-report-title' }, 'The full report'),
        fold('Print or download the full report: your answers, every option with its reasons, gaps and warnings, the procurement route and the sources',
          h('div', { class: 'ca-button-group' },
            button('Print or save as PDF', print, 'secondary'),
            button('Download report (Markdown)', () => download(`contract-advisor-report-${isoToday()}.md`, adv.reportMarkdown(), 'text/markdown'), 'secondary'),
            button('Download report (JSON)', () => download(`contract-advisor-report-${isoToday()}.json`, adv.reportJson(), 'application/json'), 'secondary')))),
    ];
  }

  /** Only printed: the answers, the procurement route and the sources, so the paper report stands alone. */
  appendix() {
    const j = this.ctx.advisor.journey();
    const p = this.rec.procurement;
    return h('div', { class: 'ca-print-only ca-appendix' },
      h('h2', { class: 'ca-heading-l2' }, 'Your answers'),
      h('dl', { class: 'ca-summary-list' }, j.items.map((it) => h('div', { class: 'ca-summary-list__row' },
        h('dt', { class: 'ca-summary-list__key' }, it.text),
        h('dd', { class: 'ca-summary-list__value' }, it.answers.length ? it.answers.join('; ') : 'Not answered')))),
      this.show.has('procurement') && [h('h2', { class: 'ca-heading-l2' }, 'Procurement route'),
        p ? [h('p', null, h('strong', null, p.disclaimer)), h('p', null, p.summary), h('p', null, p.scope.text)]
          : h('p', null, 'Not enough answers to suggest a route.')],
      this.show.has('sources') && [h('h2', { class: 'ca-heading-l2' }, 'Sources'),
        h('ul', { class: 'ca-list' }, this.rec.sources.map((s) => this.source(s, false)))]);
  }

  // ---- Procurement route ------------------------------------------------------------------------------------

  procurement() {
    const p = this.rec.procurement;
    const top = this.top('procurement', 'Procurement route');
    if (!p) {
      return [...top, h('p', null, 'Answer the questions about how the contract would be awarded to see which Provider Selection Regime process may apply.'),
        button('Check your answers', () => this.ctx.go({ screen: 'check' }), 'secondary')];
    }
    return [
      ...top,
      h('div', { class: 'ca-warning ca-disclaimer' }, h('p', null, h('strong', null, p.disclaimer))),
      h('h2', { class: 'ca-heading-m' }, 'What your answers point to'),
      h('p', { class: 'ca-lead' }, p.summary),
      h('h2', { class: 'ca-heading-m' }, 'Does the Provider Selection Regime apply?'),
      h('p', null, p.scope.text, ' ', this.sources(p.scope.sources)),
      p.elements.map((e) => this.element(e, p.elements.length > 1)),
      p.openQuestions.length > 0 && [h('h2', { class: 'ca-heading-m' }, 'Questions that would settle what is left open'),
        h('ul', { class: 'ca-list ca-list--bullet' }, p.openQuestions.map((q) =>
          h('li', null, actionLink(q.question, () => this.ctx.go({ screen: 'question', q: q.questionId })))))],
      p.basedOn.length > 0 && [h('h2', { class: 'ca-heading-m' }, 'What this is based on'),
        h('dl', { class: 'ca-summary-list' }, p.basedOn.map((b) => this.row(b.question, b.answers.join('; '))))],
      p.notes.length > 0 && [h('h2', { class: 'ca-heading-m' }, 'Good to know'),
        h('ul', { class: 'ca-list ca-list--bullet' }, p.notes.map((c) => this.claim(c)))],
      h('p', null, this.sources(p.sources)),
    ];
  }

  /** One part of the procurement: its verdict, each process in the Regulations' order with why, and for the
   * processes still open, the notices and the records to keep. */
  element(/** @type {import('./types').ElementView} */ e, /** @type {boolean} */ several) {
    const live = e.steps.filter((s) => s.status !== 'not-open');
    return h('section', { class: 'ca-section', 'aria-label': e.name },
      several && h('h2', { class: 'ca-heading-m' }, e.name),
      several && h('p', null, h('strong', null, e.verdict)),
      h('div', { class: 'ca-table-wrap', role: 'region', 'aria-labelledby': `ca-route-${e.id}`, tabindex: '0' }, h('table', { class: 'ca-table' },
        h('caption', { class: 'ca-table__caption', id: `ca-route-${e.id}` }, `${several ? e.name + ': t' : 'T'}he five processes, in the order the Regulations set`),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Process'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Why'))),
        h('tbody', null, e.steps.map((s) => h('tr', { 'data-status': s.status },
          h('th', { scope: 'row' }, s.route.name), h('td', null, s.statusLabel), h('td', null, s.because)))))),
      e.threshold && [h('h3', { class: 'ca-heading-s' }, 'Considerable change threshold'),
        h('p', null, e.threshold.because, ' ', this.sources(e.threshold.sources))],
      e.notes.length > 0 && h('ul', { class: 'ca-list ca-list--bullet' }, e.notes.map((c) => this.claim(c))),
      live.map((s) => h('details', { class: 'ca-details' },
        h('summary', { class: 'ca-details__summary' }, `${s.route.name}: notices and records`),
        h('div', { class: 'ca-details__text' },
          h('p', null, s.route.summary),
          h('p', null, s.route.whenUsed),
          h('h4', { class: 'ca-heading-s' }, 'Notices'),
          h('ol', { class: 'ca-list ca-list--number' }, s.route.notices.map((n) => h('li', null, n))),
          h('h4', { class: 'ca-heading-s' }, 'Keep a record of'),
          h('ul', { class: 'ca-list ca-list--bullet' }, s.route.records.map((n) => h('li', null, n))),
          h('p', null, this.sources(s.route.sources))))));
  }

  row(/** @type {string} */ key, /** @type {string} */ value) {
    return h('div', { class: 'ca-summary-list__row' }, h('dt', { class: 'ca-summary-list__key' }, key), h('dd', { class: 'ca-summary-list__value' }, value));
  }

  // ---- What would change this advice --------------------------------------------------------------------------

  whatIf() {
    const all = this.rec.whatIf;
    const top = this.top('whatif', 'What would change this advice');
    if (!all.length) return [...top, h('p', null, 'No single change of answer would change the leading option.')];
    return [
      ...top,
      h('p', null, 'These are the smallest changes of answer that would put a different option first. They show which of your answers the advice depends on most.'),
      [['arrangement', 'Commissioning arrangements', 'commissioning arrangement'], ['vehicle', 'Contract vehicles', 'contract vehicle'], ['payment', 'Payment rules', 'payment rule']].map(([layer, title, noun]) => {
        const items = all.filter((w) => w.layer === layer);
        return [h('h2', { class: 'ca-heading-m' }, title),
          items.length
            ? h('ul', { class: 'ca-list ca-list--bullet' }, items.map((w) => h('li', null, w.text)))
            : h('p', null, `No single change of answer would change the leading ${noun}.`)];
      }),
    ];
  }

  // ---- Compare all models -----------------------------------------------------------------------------------

  compare() {
    const byId = new Map(this.cat.models.map((m) => [m.id, m]));
    const table = (/** @type {string} */ id, /** @type {string} */ caption, /** @type {ModelResult[]} */ models) =>
      h('div', { class: 'ca-table-wrap', role: 'region', 'aria-labelledby': id, tabindex: '0' },
        h('table', { class: 'ca-table ca-table--compare' },
          h('caption', { class: 'ca-table__caption ca-table__caption--m', id }, caption),
          h('thead', null, h('tr', null, ['Model', 'Fit', 'Who carries the risk', 'How money flows', 'Time to set up', 'Upfront cost', 'Skills it needs']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, [...models].sort((a, b) => a.rank - b.rank).map((m) => h('tr', null,
            h('th', { scope: 'row' }, m.name),
            h('td', null, h('span', { class: 'ca-nowrap' }, `${num(m.score)} of ${m.reachable}`), h('br'), h('span', { class: 'ca-secondary' }, m.fitLabel)),
            h('td', null, m.riskCarrier),
            h('td', null, m.moneyFlow),
            h('td', null, m.readiness.leadTime),
            h('td', null, cap(m.readiness.upfrontCost)),
            h('td', null, h('ul', { class: 'ca-list' }, (byId.get(m.id)?.skills || m.readiness.skills.map((s) => s.name)).map((s) => h('li', null, s)))))))));
    return [
      ...this.top('compare', 'Compare all models'),
      h('p', null, 'Every model side by side, in order of fit for your answers. On a small screen, scroll the tables sideways.'),
      table('ca-cmp-arrangements', 'Commissioning arrangements', this.rec.arrangements),
      table('ca-cmp-vehicles', 'Contract vehicles', this.rec.vehicles),
      table('ca-cmp-payments', 'Payment rules', this.rec.payments),
    ];
  }

  // ---- Cases ------------------------------------------------------------------------------------------------

  cases() {
    const like = this.rec.resembles;
    const OUTCOME = (/** @type {{outcome: string, status: string}} */ c) => tag(c.status, c.outcome === 'collapsed' || c.outcome === 'abandoned' ? 'gap' : 'neutral');
    return [
      ...this.top('cases', 'Cases'),
      h('p', null, 'Documented English cases of integrated care contracts: what happened, the lesson, and the sources.'),
      h('h2', { class: 'ca-heading-m' }, 'Your answers resemble'),
      like.length
        ? like.map((c) => h('div', { class: 'ca-card' },
          h('h3', { class: 'ca-heading-s' }, c.name), h('p', null, OUTCOME(c)),
          h('p', null, h('strong', null, 'Lesson: '), c.lesson),
          h('p', null, 'What your answers have in common with it:'),
          h('ul', { class: 'ca-list ca-list--bullet' }, c.matched.map((m) => h('li', null, m))),
          h('p', null, this.sources(c.sources))))
        : h('p', null, 'Your answers do not closely resemble any documented case.'),
      h('h2', { class: 'ca-heading-m' }, 'Case library'),
      this.cat.cases.map((c) => h('div', { class: 'ca-card ca-case', id: safeId('ca-case-', c.id), tabindex: '-1' },
        h('h3', { class: 'ca-heading-s' }, `${c.name} (${c.years})`),
        h('p', null, OUTCOME(c)),
        h('dl', { class: 'ca-summary-list ca-summary-list--compact' },
          this.row('Models', c.models.join('; ')),
          this.row('What it was', c.what),
          this.row('What happened', c.whatHappened),
          this.row('Lesson', c.lesson)),
        h('p', null, this.sources(c.sources)))),
    ];
  }

  // ---- Sources ----------------------------------------------------------------------------------------------

  sourcesView() {
    const cited = new Set(this.rec.sources.map((s) => s.id));
    const others = this.cat.sources.filter((s) => !cited.has(s.id));
    return [
      ...this.top('sources', 'Sources'),
      h('p', null, 'Every statement in the advice names its sources by id. Check anything important against the source itself.'),
      h('h2', { class: 'ca-heading-m' }, 'Sources cited in this advice'),
      h('ul', { class: 'ca-list ca-source-list' }, this.rec.sources.map((s) => this.source(s, true))),
      others.length > 0 && [h('h2', { class: 'ca-heading-m' }, 'Other sources in the knowledge base'),
        h('ul', { class: 'ca-list ca-source-list' }, others.map((s) => this.source(s, true)))],
    ];
  }

  /** One source. @param {SourceView} s @param {boolean} target whether links may point at it */
  source(s, target) {
    const href = webAddress(s.url);
    return h('li', { class: 'ca-source', id: target ? safeId('ca-src-', s.id) : null, tabindex: target ? '-1' : null },
      h('p', { class: 'ca-source__title' }, h('strong', null, s.id), ' ', s.title),
      h('p', null, [s.author, s.publisher, s.year].filter(Boolean).join('. ') + '.'),
      s.note && h('p', { class: 'ca-secondary' }, s.note),
      s.caution && h('p', { class: 'ca-caution' }, h('strong', null, 'Caution: '), s.caution),
      h('p', { class: 'ca-source__url' }, 'Address: ', href ? h('a', { class: 'ca-link ca-link--url', href, rel: 'noreferrer' }, s.url)
        : s.url ? `${s.url} (not a web address)` : 'not recorded'));
  }
}
