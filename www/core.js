// Loads the Rust core. This is the ONLY module that imports the wasm-bindgen packages; everything else talks to
// the Core object it returns.
//
// Two stages keep the first question quick. The first-stage module (pkg/contract_advisor_lite.*, built without
// the `full` feature) holds the questionnaire only: question pages, answers, branching and share links. The full
// module (pkg/contract_advisor.*) holds the knowledge base and the engine; `core.full()` loads it (once) and
// hands it the answers through a share-link fragment, after which every call goes to it. Methods only the full
// module has throw until `await core.full()` has resolved.
//
// The single-file build inlines both modules as base64 in <script type="application/octet-stream"> blocks with
// the ids below; when they are present nothing is fetched (file:// pages cannot fetch). A server that sends
// .wasm with another type than application/wasm still works: streaming compilation falls back to bytes.

import initFirst, { Advisor as FirstStage } from '../pkg/contract_advisor_lite.js';

const PKG = new URL('../pkg/', import.meta.url);

/**
 * The bytes of a module inlined into the page by the single-file build, if any.
 * @param {string} id @returns {Uint8Array | undefined}
 */
function inlined(id) {
  const el = globalThis.document?.getElementById(id);
  if (!el) return undefined;
  const bin = atob((el.textContent || '').trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The Advisor methods of the first stage; the rest need the full module. */
const FIRST_STAGE = ['info', 'journey', 'question', 'answer', 'toggleOption', 'clearAnswers', 'linkFragment', 'openLink'];

/** One user's advisor: the first stage at once, the full module when `full()` has resolved. */
export class Core {
  /** @type {any} */ #first;
  /** @type {any} */ #full = null;
  /** @type {Promise<Core> | null} */ #loading = null;

  /** @param {any} first */
  constructor(first) { this.#first = first; }

  /** Whether the full module has taken over. */
  get isFull() { return this.#full !== null; }

  /**
   * Loads the full module (once) and moves the answers to it. Resolves with this Core.
   * @returns {Promise<Core>}
   */
  full() {
    this.#loading ??= (async () => {
      const pkg = await import('../pkg/contract_advisor.js');
      await pkg.default({ module_or_path: inlined('contract-advisor-wasm-full') ?? new URL('contract_advisor_bg.wasm', PKG) });
      const full = new pkg.Advisor();
      // Both stages read and write the same share links, so the hand-over cannot fail on valid answers.
      const moved = full.openLink(this.#first.linkFragment());
      if (!moved.ok) throw new Error('The answers could not be moved to the full advisor: ' + moved.errors.map((/** @type {any} */ e) => e.message).join('; '));
      this.#full = full;
      this.#first.free();
      this.#first = null;
      return this;
    })();
    return this.#loading;
  }

  /** @param {string} name */
  #call(name, /** @type {any[]} */ ...args) {
    const target = this.#full ?? (FIRST_STAGE.includes(name) ? this.#first : null);
    if (!target) throw new Error(`${name}() needs the full advisor: await core.full() first`);
    return target[name](...args);
  }

  info() { return this.#call('info'); }
  journey() { return this.#call('journey'); }
  /** @param {string} id */
  question(id) { return this.#call('question', id); }
  /** @param {string} id @param {string | string[]} value */
  answer(id, value) { return this.#call('answer', id, value); }
  /** @param {string} id @param {string[]} picked @param {string} option */
  toggleOption(id, picked, option) { return this.#call('toggleOption', id, picked, option); }
  clearAnswers() { return this.#call('clearAnswers'); }
  linkFragment() { return this.#call('linkFragment'); }
  /** @param {string} fragment */
  openLink(fragment) { return this.#call('openLink', fragment); }
  // Full module only:
  catalogue() { return this.#call('catalogue'); }
  recommend() { return this.#call('recommend'); }
  /** @param {object} answers */
  recommendFor(answers) { return this.#call('recommendFor', answers); }
  exportFile() { return this.#call('exportFile'); }
  /** @param {string} text */
  importFile(text) { return this.#call('importFile', text); }
  reportMarkdown() { return this.#call('reportMarkdown'); }
  /** @param {boolean} appendix */
  boardPaper(appendix) { return this.#call('boardPaper', appendix); }
  reportJson() { return this.#call('reportJson'); }
}

/**
 * The first-stage module, compiling from the moment this module is evaluated (before the element has even
 * started), so that compilation overlaps the rest of the page's start-up. A copy of the promise swallows the
 * rejection so that a failure is reported once, by loadCore, not also as an unhandled rejection.
 * @type {Promise<WebAssembly.Module>}
 */
const firstModule = (() => {
  const bytes = inlined('contract-advisor-wasm-first');
  const url = new URL('contract_advisor_lite_bg.wasm', PKG);
  const compiled = bytes ? WebAssembly.compile(bytes)
    : WebAssembly.compileStreaming(fetch(url)).catch(() => fetch(url).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)));
  compiled.catch(() => {});
  return compiled;
})();

/**
 * Loads the first-stage module and returns a Core with an empty set of answers. Rejects if the module cannot be
 * fetched or compiled (for example under a CSP without 'wasm-unsafe-eval').
 * @returns {Promise<Core>}
 */
export async function loadCore() {
  await initFirst({ module_or_path: await firstModule });
  return new Core(new FirstStage());
}

/** @type {Promise<any> | null} */
let wordModule = null;

/**
 * The board paper as a Word document, from the paper view of `boardPaper()`. The Word module
 * (pkg/contract_advisor_docx.*, built with only the `docx` feature) is fetched from the page's own files the first
 * time it is asked for, never before (the single-file build inlines it, like the other two, and decodes it only
 * then). Resolves with `{ ok: true, bytes }` or `{ ok: false, errors }`; rejects if the module cannot be loaded.
 * @param {import('./types').Paper} paper
 */
export async function paperDocx(paper) {
  wordModule ??= (async () => {
    const pkg = await import('../pkg/contract_advisor_docx.js');
    await pkg.default({ module_or_path: inlined('contract-advisor-wasm-docx') ?? new URL('contract_advisor_docx_bg.wasm', PKG) });
    return pkg;
  })();
  try {
    const pkg = await wordModule;
    return pkg.paperDocx(JSON.stringify(paper));
  } catch (e) {
    wordModule = null; // let a later click try again
    throw e;
  }
}
