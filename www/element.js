// <contract-advisor>: the Integrated Care Contract Advisor as a custom element with an open shadow root.
// The Rust core (loaded by core.js) does all the logic; this file only renders what it returns.
//
// Attributes
//   start="intro|question"  first screen: the start page (default) or straight to the first unanswered question
//   compact                 tighter spacing
//   sections="…"            comma-separated results views to show, any of
//                           arrangements,vehicles,payments,procurement,whatif,compare,cases,sources,charts
//                           (default: all)
//   storage="local|none"    keep the answers in this browser's localStorage (default "local") or nowhere
//   heading-level="2"       the level of each screen's main heading (1 to 3, default 1), for a host page that has
//                           its own h1; the widget's other headings move down with it
//   link-state              keep the answers in the URL fragment (#a…) and each screen in the browser history,
//                           so the back button works; a page opened with a #a… fragment opens those answers
//
// Performance: a `contract-advisor:interactive` performance mark when the first screen can be used.
// For tests: data-state="loading|ready|error" on the element; data-screen="start|question|check|results|
// procurement|whatif|compare|cases|sources" on the shadow root's container (.ca-root); data-question-id on
// question pages. Theming: the --ca-* custom properties documented at the top of style.css.

import { loadCore } from './core.js';
import { h, h1, button, download, isoToday, longDate, errorSummary, errorMessage, setHeadingLevel } from './dom.js';
import { questionPage, checkPage } from './pages.js';

/** @typedef {import('./types').Journey} Journey */
/** @typedef {{ message: string, target?: string }} Problem */
/**
 * What is on screen. Only `screen`, `q`, `from` and `focus` go into browser history.
 * @typedef {{ screen: string, q?: string, from?: string, focus?: string, errors?: Problem[], errorTitle?: string,
 *   picked?: string[], fileErrors?: string[], scroll?: number, folds?: number[] }} Screen
 */
/**
 * What the screen modules get from the element.
 * @typedef {{ advisor: any, info: import('./types').Info, shadow: ShadowRoot, go: (s: Screen) => void,
 *   rerender: (s: Screen) => void, changed: () => void, savePanel: (s: Screen, clear?: boolean) => HTMLElement,
 *   sections: () => Set<string>, recommendation: () => import('./types').Recommendation,
 *   catalogue: () => import('./types').Catalogue }} Ctx
 */

const STORE_KEY = 'contract-advisor/answers';
/** A URL fragment that looks like a link to saved answers (“#a1.…”, or one mangled or from another version),
 * as opposed to an ordinary page anchor such as “#main”: these go to the core, which explains any problem. */
const LINK = /^#[a-z]\d+\./i;
const VIEWS = ['arrangements', 'vehicles', 'payments', 'procurement', 'whatif', 'compare', 'cases', 'sources', 'charts'];

class ContractAdvisorElement extends HTMLElement {
  /** @type {ShadowRoot | undefined} */ #shadow;
  /** @type {HTMLElement} */ #root = h('div', { class: 'ca-root' });
  /** @type {any} */ #advisor;
  /** @type {Ctx | undefined} */ #ctx;
  /** @type {Screen} */ #screen = { screen: 'start' };
  /** @type {{ title: string, lines: string[], undo?: boolean } | null} */ #notice = null;
  /** Answers from a link or file waiting for the user's say, because other answers are in force. */
  /** @type {{ kind: 'link' | 'file', text: string } | null} */ #pending = null;
  /** The answers in force before the last replacement, as a link fragment ('' when there were none), for Undo. */
  /** @type {string | null} */ #previous = null;
  /** @type {any} */ #rec = null; // the recommendation for the current answers, computed once
  /** @type {any} */ #cat = null; // the catalogue never changes
  #token = 0;
  #fullRequested = false;
  #badStore = false; // saved answers on this device that could not be opened (kept until cleared or replaced)
  #onPop = (/** @type {PopStateEvent} */ e) => this.#popState(e);

  get #linkState() { return this.hasAttribute('link-state'); }
  get #storeOn() { return this.getAttribute('storage') !== 'none'; }

  connectedCallback() {
    if (this.#linkState) window.addEventListener('popstate', this.#onPop);
    if (!this.#shadow) this.#setup();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.#onPop);
  }

  /** Attaches the shadow root, loads the stylesheet and the core in parallel, then shows the first screen. */
  async #setup() {
    this.dataset.state = 'loading';
    setHeadingLevel(Number(this.getAttribute('heading-level') || 1));
    const shadow = (this.#shadow = this.attachShadow({ mode: 'open' }));
    // The single-file build inlines the stylesheet in a <template id="contract-advisor-style">; otherwise link it.
    const inline = /** @type {HTMLTemplateElement | null} */ (document.getElementById('contract-advisor-style'));
    const css = inline ? inline.content.cloneNode(true) : h('link', { rel: 'stylesheet', href: new URL('./style.css', import.meta.url).href });
    const cssLoaded = inline ? Promise.resolve() : new Promise((done) => { /** @type {HTMLLinkElement} */ (css).onload = /** @type {HTMLLinkElement} */ (css).onerror = done; });
    // While loading (and if loading fails) the light-DOM fallback stays visible through the slot.
    const slot = h('slot');
    this.#root.append(h('p', { class: 'ca-loading', role: 'status' }, 'Loading the advisor…'));
    shadow.append(css, slot, this.#root);
    try {
      const [advisor] = await Promise.all([loadCore(), cssLoaded]);
      // Answers saved on this device are read by the full module; a new visitor does not wait for it.
      if (this.#store('get')) await advisor.full();
      this.#advisor = advisor;
    } catch {
      this.dataset.state = 'error';
      this.#root.replaceChildren(h('div', { class: 'ca-warning' },
        h('h2', { class: 'ca-heading-m' }, 'Sorry, the advisor could not start'),
        h('p', null, 'Your browser could not run it. This can happen in older browsers, or when a website’s security settings do not allow WebAssembly.'),
        h('p', null, h('a', { class: 'ca-link', href: new URL('./catalogue.html', import.meta.url).href }, 'See the questions and contract models as a printable list'))));
      return;
    }
    slot.remove();
    this.#ctx = this.#makeCtx();
    const first = this.#restore();
    this.dataset.state = 'ready';
    await this.#show(first, { history: 'replace', focus: !!(first.errors || this.#notice) });
    // For hosts and the benchmark: the moment the first screen can be used.
    performance.mark('contract-advisor:interactive', { detail: this.#screen.screen });
  }

  /**
   * Loads the full advisor in the background once a question is on screen and the browser is idle, so that
   * the start page and the first question stay quick; once it has the answers, keeps them on this device.
   */
  #loadFullWhenIdle() {
    if (this.#fullRequested) return;
    this.#fullRequested = true;
    const load = () => this.#advisor.full().then(() => this.#persist(), () => { /* shown when results are asked for */ });
    if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  /** @returns {Ctx} */
  #makeCtx() {
    return {
      advisor: this.#advisor,
      info: this.#advisor.info(),
      shadow: /** @type {ShadowRoot} */ (this.#shadow),
      go: (s) => this.#show(s),
      rerender: (s) => this.#show(s, { history: 'none' }),
      changed: () => this.#changed(),
      savePanel: (s, clear) => this.#savePanel(s, clear),
      sections: () => {
        const want = (this.getAttribute('sections') || '').split(',').map((s) => s.trim()).filter((s) => VIEWS.includes(s));
        return new Set(want.length ? want : VIEWS);
      },
      recommendation: () => (this.#rec ??= this.#advisor.recommend()),
      catalogue: () => (this.#cat ??= this.#advisor.catalogue()),
    };
  }

  /**
   * Restores saved answers (this device, then a #a… link) and picks the first screen.
   * @returns {Screen}
   */
  #restore() {
    const adv = this.#advisor;
    /** @type {Screen | null} */ let problem = null;
    const fail = (/** @type {string} */ title, /** @type {any} */ r) =>
      (problem = { screen: 'start', errorTitle: title, errors: r.errors.map((/** @type {any} */ e) => ({ message: e.message })) });
    const saved = this.#store('get');
    if (saved) {
      const r = adv.importFile(saved);
      if (!r.ok) { this.#badStore = true; fail('We could not open the answers saved on this device', r); }
    }
    /** @type {Screen} */
    const first = problem || (this.getAttribute('start') === 'question' ? this.#resume() : { screen: 'start' });
    if (!this.#linkState) return first;
    const old = history.state?.ca ? history.state : null; // a reload keeps the screen the user was on
    if (LINK.test(location.hash)) {
      // Answers saved on this device that the link would replace: ask first (a reload of our own address, whose
      // fragment is these very answers, asks nothing).
      const mine = !old && adv.journey().answered > 0 && location.hash.slice(1) !== adv.linkFragment()
        ? '#' + adv.linkFragment() : null;
      const r = adv.openLink(location.hash);
      if (!r.ok) return fail('We could not open the answers in this link', r);
      if (mine) {
        adv.openLink(mine); // a good link: keep the saved answers until the user says otherwise
        this.#pending = { kind: 'link', text: location.hash };
        return { screen: 'replace' };
      }
      this.#changed();
      if (!old) {
        this.#notice = { title: 'We have opened the answers in your link', lines: r.notes };
        return { screen: 'check' };
      }
    }
    return old && !problem ? old : first;
  }

  /** The first unanswered question, or Check your answers when all are answered. @returns {Screen} */
  #resume() {
    const j = this.#advisor.journey();
    return j.next ? { screen: 'question', q: j.next } : { screen: 'check' };
  }

  /**
   * Renders a screen. history: "push" (a new screen), "replace" (same entry) or "none" (re-render in place);
   * only used with link-state. Focus goes to the error summary, the notice, `focus` or the h1.
   * @param {Screen} state @param {{ history?: 'push' | 'replace' | 'none', focus?: boolean }} [opts]
   */
  async #show(state, { history: mode = 'push', focus = true } = {}) {
    const token = ++this.#token;
    const ctx = /** @type {Ctx} */ (this.#ctx);
    /** @type {any[] | null} */ let nodes = null;
    let screen = state.screen, errors = state.errors;
    if (screen === 'question') nodes = questionPage(ctx, state);
    if (!nodes && (screen === 'question' || screen === 'check')) { screen = 'check'; nodes = checkPage(ctx, state); }
    if (screen === 'start') nodes = this.#startPage(state);
    if (screen === 'replace') nodes = this.#replacePage() || this.#startPage({ screen: 'start' });
    if (!nodes) {
      try {
        const [results] = await Promise.all([import('./results.js'), this.#advisor.full()]);
        if (token !== this.#token) return;
        [screen, nodes] = results.view(ctx, { ...state, screen });
      } catch {
        if (token !== this.#token) return;
        screen = 'check';
        errors = [{ message: 'The results could not be loaded. Check your connection and try again.' }];
        nodes = checkPage(ctx, { screen });
      }
    }
    this.#screen = { ...state, screen };
    if (this.#linkState && mode !== 'none') {
      // Keep the place on the screen being left, so that Back returns to it.
      if (mode === 'push' && history.state?.ca) {
        const folds = [...this.#root.querySelectorAll('details')].map((d, i) => (/** @type {HTMLDetailsElement} */ (d).open ? i : -1)).filter((i) => i >= 0);
        history.replaceState({ ...history.state, scroll: window.scrollY, folds }, '', location.href);
      }
      const { screen: s, q, from, focus: f, scroll, folds } = this.#screen;
      const place = mode === 'replace' && typeof scroll === 'number' ? { scroll, folds } : {};
      history[mode === 'push' ? 'pushState' : 'replaceState']({ ca: 1, screen: s, q, from, focus: f, ...place }, '', this.#url());
    }
    /** @type {HTMLElement[]} */ const top = [];
    if (errors?.length) top.push(errorSummary(errors, /** @type {ShadowRoot} */ (this.#shadow), state.errorTitle));
    else if (this.#notice) {
      top.push(h('div', { class: 'ca-notice', role: 'alert', tabindex: '-1' },
        h('h2', { class: 'ca-notice__title' }, this.#notice.title), this.#notice.lines.map((l) => h('p', null, l)),
        this.#notice.undo && this.#previous && this.#previous.length > 1
          && button('Undo: bring back my previous answers', () => this.#undoReplace(), 'secondary')));
    }
    this.#notice = null;
    nodes.splice(nodes[0]?.classList?.contains('ca-button--back') ? 1 : 0, 0, ...top);
    const root = this.#root;
    root.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
    root.dataset.screen = screen;
    if (screen === 'check') import('./results.js').catch(() => {}); // fetch the results code while the user reads
    if (screen !== 'start') this.#loadFullWhenIdle();
    if (screen === 'question' && state.q) root.dataset.questionId = state.q;
    else delete root.dataset.questionId;
    if (!focus) return;
    const target = top[0] || (state.focus && this.#shadow?.getElementById(state.focus)) || root.querySelector('.ca-heading-l');
    if (typeof state.scroll === 'number' && !top[0]) {
      // Back or Forward to a screen the user had scrolled: the same place, with focus on the first heading (or
      // disclosure) in view there, the h1 when it is in view, so focus is never out of sight.
      const details = this.#root.querySelectorAll('details');
      for (const i of state.folds || []) { const d = /** @type {HTMLDetailsElement | undefined} */ (details[i]); if (d) d.open = true; }
      window.scrollTo(0, state.scroll);
      const inView = (/** @type {Element} */ e) => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; };
      /** @type {HTMLElement | undefined} */
      const heading = [...root.querySelectorAll('h1, h2, h3, h4, summary')].find((e) => inView(e) && /** @type {HTMLElement} */ (e).checkVisibility?.() !== false);
      if (heading && /^H[2-4]$/.test(heading.tagName) && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      (heading || target)?.focus({ preventScroll: true });
    } else {
      target?.focus();
    }
  }

  /** Browser back/forward (link-state only). A pasted #a… link with no history entry opens those answers. */
  #popState(/** @type {PopStateEvent} */ e) {
    if (!this.#advisor) return;
    if (e.state?.ca) return this.#show(e.state, { history: 'replace' });
    const hash = location.hash;
    if (!LINK.test(hash) || hash.slice(1) === this.#advisor.linkFragment()) return;
    const mine = this.#advisor.journey().answered > 0 ? '#' + this.#advisor.linkFragment() : null;
    const r = this.#advisor.openLink(hash);
    if (!r.ok) {
      this.#show({ screen: 'start', errorTitle: 'We could not open the answers in this link', errors: r.errors.map((/** @type {any} */ x) => ({ message: x.message })) }, { history: 'replace' });
      return;
    }
    if (mine) {
      this.#advisor.openLink(mine); // a good link: keep the answers in force until the user says otherwise
      this.#pending = { kind: 'link', text: hash };
      this.#show({ screen: 'replace' }, { history: 'replace' });
      return;
    }
    this.#changed();
    this.#notice = { title: 'We have opened the answers in your link', lines: r.notes };
    this.#show({ screen: 'check' }, { history: 'replace' });
  }

  /** This page's address with the answers as its fragment (no fragment when there are no answers). */
  #url() {
    const any = this.#advisor.journey().answered > 0;
    return location.pathname + location.search + (any ? '#' + this.#advisor.linkFragment() : '');
  }

  /** After every change of answers: forget cached results, save on this device, update the address. */
  #changed() {
    this.#rec = null;
    this.#persist();
    if (this.#linkState) history.replaceState(history.state, '', this.#url());
  }

  /** Keeps the answers on this device (once the full advisor, which writes the file format, has loaded). */
  #persist() {
    if (!this.#advisor.isFull) return;
    const any = this.#advisor.journey().answered > 0;
    if (any) this.#badStore = false;
    if (any || !this.#badStore) this.#store(any ? 'set' : 'remove', any ? this.#advisor.exportFile() : '');
  }

  /**
   * localStorage, only when storage is allowed; any failure (blocked storage, full quota) is ignored.
   * @param {'get' | 'set' | 'remove'} op @param {string} [value]
   */
  #store(op, value = '') {
    if (!this.#storeOn) return null;
    try {
      if (op === 'get') return localStorage.getItem(STORE_KEY);
      if (op === 'set') localStorage.setItem(STORE_KEY, value);
      else localStorage.removeItem(STORE_KEY);
    } catch { /* storage unavailable: answers still live in memory, the file and the link */ }
    return null;
  }

  #clear() {
    this.#badStore = false;
    this.#advisor.clearAnswers();
    this.#store('remove');
    this.#changed();
    this.#notice = { title: 'Your answers have been cleared', lines: this.#storeOn ? ['They have been removed from this browser.'] : [] };
    this.#show({ screen: 'start' });
  }

  /** Opens a saved-answers file; on failure the answers stay as they were and the errors are shown. */
  async #openFile(/** @type {HTMLInputElement} */ input) {
    const file = input.files?.[0];
    if (!file) return;
    /** @type {any} */ let r;
    try {
      // Read at most 1 MB: the core refuses anything over its own limit with a clear message.
      const text = await file.slice(0, 1 << 20).text();
      await this.#advisor.full();
      r = this.#advisor.importFile(text);
    } catch {
      r = { ok: false, errors: [{ message: 'The file could not be read. Choose the file again.' }] };
    }
    input.value = '';
    if (!r.ok) {
      const messages = r.errors.map((/** @type {any} */ e) => e.message);
      this.#show({ ...this.#screen, errorTitle: 'We could not open that file', errors: messages.map((/** @type {string} */ message) => ({ message, target: 'ca-file' })), fileErrors: messages }, { history: 'none' });
      return;
    }
    this.#changed();
    this.#notice = { title: 'Your saved answers have been opened', lines: r.notes };
    this.#show({ screen: 'check' });
  }

  /** Reads a chosen file; if other answers are in force, keeps them and asks first. */
  async #chooseFile(/** @type {HTMLInputElement} */ input) {
    const file = input.files?.[0];
    if (!file || this.#advisor.journey().answered === 0) return this.#openFile(input);
    let text = '';
    try {
      text = await file.slice(0, 1 << 20).text();
      await this.#advisor.full();
    } catch {
      return this.#openFile(input);
    }
    // Check the file first, on a copy of the answers in force, so that a bad file is refused straight away.
    const mine = '#' + this.#advisor.linkFragment();
    const r = this.#advisor.importFile(text);
    if (!r.ok) return this.#openFile(input);
    this.#advisor.openLink(mine);
    input.value = '';
    this.#pending = { kind: 'file', text };
    this.#show({ screen: 'replace' });
  }

  /** Asks before answers from a link or file replace the ones in force. */
  #replacePage() {
    const p = this.#pending;
    if (!p) return null;
    const what = p.kind === 'link' ? 'the answers in this link' : 'the answers in this file';
    const j = this.#advisor.journey();
    return [
      h1(`Open ${what}?`),
      h('p', null, `You already have answers to ${j.answered} of ${j.total} questions${this.#storeOn ? ', saved on this device' : ''}. Opening ${what} replaces them.`),
      h('p', null, 'If you open them, you can undo this straight away and have your own answers back.'),
      h('div', { class: 'ca-button-group' },
        button(`Open ${what}`, () => this.#applyPending()),
        button('Keep my answers', () => this.#keepMine(), 'secondary')),
    ];
  }

  #applyPending() {
    const p = this.#pending;
    this.#pending = null;
    if (!p) return;
    const before = '#' + this.#advisor.linkFragment();
    const r = p.kind === 'link' ? this.#advisor.openLink(p.text) : this.#advisor.importFile(p.text);
    if (!r.ok) {
      const title = p.kind === 'link' ? 'We could not open the answers in this link' : 'We could not open that file';
      this.#show({ screen: 'start', errorTitle: title, errors: r.errors.map((/** @type {any} */ x) => ({ message: x.message })) }, { history: 'replace' });
      return;
    }
    this.#previous = before;
    this.#changed();
    this.#notice = { title: p.kind === 'link' ? 'We have opened the answers in your link' : 'Your saved answers have been opened', lines: r.notes, undo: true };
    this.#show({ screen: 'check' }, { history: 'replace' });
  }

  #keepMine() {
    this.#pending = null;
    this.#notice = { title: 'Your answers have been kept', lines: ['Nothing was changed.'] };
    this.#changed();
    this.#show(this.#resume(), { history: 'replace' });
  }

  /** Undo: the answers in force before the last replacement come back. */
  #undoReplace() {
    const prev = this.#previous;
    this.#previous = null;
    if (!prev) return;
    this.#advisor.openLink(prev);
    this.#changed();
    this.#notice = { title: 'Your previous answers are back', lines: ['The answers you opened have been put aside.'] };
    this.#show({ screen: 'check' }, { history: 'replace' });
  }

  /** Shows the link to these answers in a read-only field and tries to copy it to the clipboard. */
  async #copyLink(/** @type {HTMLElement} */ status, /** @type {HTMLElement} */ box) {
    const url = location.href.split('#')[0] + '#' + this.#advisor.linkFragment();
    const input = /** @type {HTMLInputElement} */ (box.querySelector('input'));
    input.value = url;
    box.hidden = false;
    let copied = false;
    try { await navigator.clipboard.writeText(url); copied = true; } catch { /* not allowed here: the field below still has it */ }
    status.textContent = (copied ? 'Link copied.' : 'Copy the link below.') + ' Anyone with the link can see these answers.';
    if (!copied) { input.focus(); input.select(); }
  }

  /**
   * "Save and share": download, copy link, (clear), open a file. Shown on start, check answers and results.
   * @param {Screen} state @param {boolean} [withClear]
   */
  #savePanel(state, withClear = true) {
    const any = this.#advisor.journey().answered > 0;
    const status = h('p', { class: 'ca-status', role: 'status' });
    const box = h('div', { class: 'ca-form-group', hidden: true },
      h('label', { class: 'ca-label', for: 'ca-link' }, 'Link to these answers'),
      h('input', { class: 'ca-input', id: 'ca-link', type: 'text', readOnly: true, spellcheck: 'false', autocomplete: 'off' }));
    const errs = state.fileErrors;
    return h('section', { class: 'ca-save ca-no-print', 'aria-labelledby': 'ca-save-title' },
      h('h2', { class: 'ca-heading-m', id: 'ca-save-title' }, 'Save and share your answers'),
      any && [
        h('p', null, this.#storeOn
          ? 'Your answers are kept in this browser on this device until you clear them.'
          : 'Your answers are not kept after you leave this page. Download them or copy the link to come back to them.'),
        h('div', { class: 'ca-button-group' },
          button('Download my answers', async () => { await this.#advisor.full(); download(`contract-advisor-answers-${isoToday()}.json`, this.#advisor.exportFile(), 'application/json'); }, 'secondary'),
          button('Copy link to these answers', () => this.#copyLink(status, box), 'secondary'),
          withClear && button('Clear my answers', () => this.#clear(), 'warning')),
        status, box],
      h('div', { class: 'ca-form-group' + (errs ? ' ca-form-group--error' : '') },
        h('label', { class: 'ca-label ca-label--s', for: 'ca-file' }, 'Open a saved answers file'),
        h('div', { class: 'ca-hint', id: 'ca-file-hint' }, 'A .json file you downloaded from this tool. Its answers replace the ones you have now.'),
        errs && errorMessage('ca-file-error', errs),
        h('input', { class: 'ca-file', id: 'ca-file', type: 'file', accept: '.json,application/json',
          'aria-describedby': 'ca-file-hint' + (errs ? ' ca-file-error' : ''),
          onchange: (/** @type {Event} */ e) => this.#chooseFile(/** @type {HTMLInputElement} */ (e.target)) })));
  }

  /** The start page. @param {Screen} state */
  #startPage(state) {
    const ctx = /** @type {Ctx} */ (this.#ctx), info = ctx.info;
    /** @type {Journey} */ const j = this.#advisor.journey();
    return [
      h1('Choose how to contract for integrated care'),
      h('p', { class: 'ca-lead' }, 'Use this tool if you commission NHS or joined-up health and care services in England and are deciding how to contract for integrated care.'),
      h('p', null, 'It asks about your situation first: the problem you want to solve, the people and providers involved, money and risk, your team’s skills and time, and how the contract would be awarded.'),
      h('p', null, 'Then it shows contract options that may suit you, with the reasons, the risks, what each would demand of you and the sources behind every statement.'),
      h('h2', { class: 'ca-heading-m' }, 'Before you start'),
      h('ul', { class: 'ca-list ca-list--bullet' },
        info.beforeYouStart.map((t) => h('li', null, t)),
        h('li', null, 'Your answers stay on this device. Nothing is sent anywhere.' + (this.#storeOn ? ' They are kept in this browser so you can come back to them.' : '')),
        h('li', null, 'The advice is a starting point for discussion. It is not legal advice.')),
      j.answered
        ? [h('p', null, `You have answered ${j.answered} of ${j.total} questions.`),
          h('div', { class: 'ca-button-group' },
            button('Continue', () => this.#show(this.#resume())),
            button('Clear my answers', () => this.#clear(), 'warning'))]
        : [button('Start now', () => this.#show(this.#resume()), 'start'),
          this.#badStore && [
            h('p', null, 'The answers saved on this device that could not be opened stay there until you clear them or start answering again.'),
            button('Clear my answers', () => this.#clear(), 'warning')]],
      this.#savePanel(state, false),
      h('p', { class: 'ca-meta' }, `Content version ${info.contentVersion}, last reviewed ${longDate(info.lastReviewed)}. `, info.reviewNote),
    ];
  }
}

if (!customElements.get('contract-advisor')) customElements.define('contract-advisor', ContractAdvisorElement);

