// End-to-end tests in headless Chromium (Debian's, driven by playwright-core) against the built site in
// dist/site and the single file dist/contract-advisor.html. Covers the whole journey by keyboard, every screen
// under axe-core, save/resume/share, the bad-input catalogue, print, embedding under a strict CSP, file://, and
// that no page requests anything but its own files. Expected content (the risky plan's link and recommendation,
// the catalogue) comes from the native command, so the page is checked against the core's own output. Prints
// "e2e: N passed, N failed"; E2E_ONLY=text runs only the tests whose names contain it.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SITE = resolve('dist/site');
const SINGLE = resolve('dist/contract-advisor.html');
const OUT = resolve('e2e/out');
const ONLY = process.env.E2E_ONLY || '';
mkdirSync(OUT, { recursive: true });

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let passed = 0, failed = 0;
const results = [];
async function check(name, fn) {
  if (ONLY && !name.includes(ONLY)) return;
  const t0 = Date.now();
  try { await fn(); passed++; console.log(`ok   ${name} (${Date.now() - t0} ms)`); }
  catch (e) { failed++; console.log(`FAIL ${name}: ${e && e.stack || e}`); results.push(name); }
}
function assert(c, msg) { if (!c) throw new Error(msg); }

// ---------------------------------------------------------------------------------------------------------
// Helpers

// The custom-element example is served with the strict CSP as a response header (as a guidance site would send
// it), on top of its own meta policy.
const STRICT_PAGES = ['/www/examples/custom-element.html', '/www/examples/strict-host.html', '/strict.html'];
const server = await serve(SITE, {
  headers: (path) => (STRICT_PAGES.includes(path) ? { 'Content-Security-Policy': STRICT_CSP } : {}),
});
const BASE = server.url;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/**
 * A fresh page (in a fresh context: no storage, no history) that records console errors, page errors, CSP
 * violations and every request.
 * @param {{ viewport?: {width:number,height:number}, url?: string, javaScriptEnabled?: boolean,
 *   permissions?: string[] }} [opts]
 */
async function open(opts = {}) {
  const context = await browser.newContext({
    viewport: opts.viewport || { width: 1000, height: 800 }, acceptDownloads: true,
    javaScriptEnabled: opts.javaScriptEnabled ?? true, permissions: opts.permissions || [],
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  const t = { page, context, problems, requests, axeRunning: false };
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  // axe-core injects a <style> of its own, which the page's CSP rightly refuses: ignore messages while it runs.
  page.on('console', (m) => { if (m.type() === 'error' && !t.axeRunning) problems.push('console: ' + m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      if (!window.__axeRunning) window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  pages.set(page, t);
  if (opts.url) await page.goto(opts.url);
  return t;
}

/** Every request went to the page's own origin (or was a data:/blob: URL). */
function ownFilesOnly(requests, origin) {
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert(foreign.length === 0, 'requests to other places: ' + foreign.join(', '));
}

/** No CSP violation (in the page or the given frames), no console or page error, no cookie. */
async function noProblems(t, frames = []) {
  for (const f of [t.page, ...frames]) {
    const csp = await f.evaluate(() => window.__cspViolations || []);
    assert(csp.length === 0, 'CSP violations: ' + csp.join(' | '));
  }
  assert(t.problems.length === 0, 'browser errors: ' + t.problems.join(' | '));
  const cookies = await t.context.cookies();
  assert(cookies.length === 0, 'cookies were set: ' + cookies.map((c) => c.name).join(', '));
}

const pages = new Map();

/** Runs axe-core on a page or a frame (frames are checked on their own: axe does not enter them here). */
async function axe(page, label) {
  const t = pages.get(typeof page.page === 'function' ? page.page() : page);
  if (t) t.axeRunning = true;
  await page.evaluate(() => { window.__axeRunning = true; });
  await page.evaluate(AXE);
  const res = await page.evaluate(async () => await window.axe.run(document, {
    iframes: false,
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  await page.waitForTimeout(50);
  await page.evaluate(() => { window.__axeRunning = false; });
  if (t) t.axeRunning = false;
  for (const v of res.violations) {
    console.log(`  axe ${label}: ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }
  assert(res.violations.length === 0, `${res.violations.length} axe violations on ${label}`);
  return res.passes.length;
}

const el = (page) => page.locator('contract-advisor');
async function ready(page) {
  await page.waitForFunction(() => document.querySelector('contract-advisor')?.dataset.state === 'ready', null, { timeout: 20000 });
}
async function screen(page) {
  return page.evaluate(() => document.querySelector('contract-advisor')?.shadowRoot?.querySelector('[data-screen]')?.dataset.screen);
}
async function waitScreen(page, name) {
  await page.waitForFunction((n) => document.querySelector('contract-advisor')?.shadowRoot?.querySelector('[data-screen]')?.dataset.screen === n, name, { timeout: 20000 });
}
async function questionId(page) {
  return page.evaluate(() => document.querySelector('contract-advisor')?.shadowRoot?.querySelector('[data-question-id]')?.dataset.questionId);
}
/** The element in the shadow root that has focus. */
async function focused(page) {
  return page.evaluate(() => {
    const a = document.querySelector('contract-advisor')?.shadowRoot?.activeElement;
    return a ? `${a.tagName.toLowerCase()}:${(a.textContent || '').trim().slice(0, 80)}` : '';
  });
}
async function h1(page) {
  return page.evaluate(() => document.querySelector('contract-advisor')?.shadowRoot?.querySelector('h1')?.textContent?.trim() || '');
}

/** Answers the current question page by keyboard: tabs to the option with `label` text and presses Space. */
async function chooseByKeyboard(page, labels) {
  for (const label of labels) {
    const input = page.getByLabel(label, { exact: true });
    await input.focus();
    await page.keyboard.press('Space');
  }
}

/** The scenario answers the journey tests use (a risky, large lead-provider plan). */
const RISKY = JSON.parse(readFileSync(resolve('e2e/fixtures/risky-plan.json'), 'utf8'));

/** Answers every question the journey shows (or the first `max`), choosing from `answers` (question id → option
 * id or ids) or the first option, by keyboard only, and checks that focus lands on each new screen's h1. Returns
 * the number of questions answered. */
async function answerJourney(page, answers, max = Infinity) {
  let n = 0;
  for (let guard = 0; guard < 60 && n < max; guard++) {
    const s = await screen(page);
    if (s !== 'question') break;
    const id = await questionId(page);
    const labels = await page.evaluate((qid) => {
      const root = document.querySelector('contract-advisor').shadowRoot;
      const inputs = [...root.querySelectorAll('input[type=radio], input[type=checkbox]')];
      return inputs.map((i) => ({ value: i.value, label: root.querySelector(`label[for="${i.id}"]`)?.textContent?.trim() }));
    }, id);
    const want = answers[id] === undefined ? [labels[0].value] : [].concat(answers[id]);
    const chosen = want.map((v) => labels.find((l) => l.value === v)?.label).filter(Boolean);
    assert(chosen.length === want.length, `question ${id}: options ${want} not found`);
    await chooseByKeyboard(page, chosen);
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((prev) => {
      const root = document.querySelector('contract-advisor').shadowRoot;
      const scr = root.querySelector('[data-screen]')?.dataset.screen;
      return scr !== 'question' || root.querySelector('[data-question-id]')?.dataset.questionId !== prev;
    }, id, { timeout: 10000 });
    await focusOnH1(page, `the screen after ${id}`);
    n++;
  }
  return n;
}

/** Runs the native command (built by scripts/build; cargo only checks that it is up to date). The tests compare
 * the page with what it prints, so the page must show exactly what the core computes. */
function advise(...args) {
  return execFileSync('cargo', ['run', '-q', '--release', '--bin', 'advise', '--', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
/** The risky plan as a share-link fragment ("#a1.…"): index.html opened with it lands on Check your answers. */
const RISKY_LINK = advise('link', 'e2e/fixtures/risky-plan.json').trim();
const RISKY_REC = JSON.parse(advise('recommend', 'e2e/fixtures/risky-plan.json', '--format', 'json')).recommendation;
/** Every question, model, case and source. */
const CATALOGUE = JSON.parse(advise('catalogue', '--format', 'json'));
const QUESTIONS = CATALOGUE.sections.flatMap((s) => s.questions);
const questionText = (id) => QUESTIONS.find((q) => q.id === id).text;

/** The bad-input catalogue (files and links that must be refused) and the good answers they are tried against. */
const BAD = JSON.parse(readFileSync(resolve('tests/bad_inputs/catalogue.json'), 'utf8'));
const GOOD_FILE = resolve('tests/bad_inputs/good-file.json');
const GOOD_LINK = '#' + readFileSync(resolve('tests/bad_inputs/good-link.txt'), 'utf8').trim();

const norm = (s) => s.replace(/\s+/g, ' ').trim();
const byRank = (ms) => [...ms].sort((a, b) => a.rank - b.rank);

/** A fresh page opened with the risky plan's link: Check your answers, every question answered. */
async function openRisky(opts = {}) {
  const t = await open({ ...opts, url: BASE + 'index.html' + RISKY_LINK });
  await ready(t.page);
  await waitScreen(t.page, 'check');
  return t;
}

/** From Check your answers to the results. */
async function toResults(page) {
  await page.getByRole('button', { name: 'See options that may suit you' }).click();
  await waitScreen(page, 'results');
}

/** Goes to a results view through the sub-navigation. */
async function goView(page, name, label) {
  await page.getByRole('navigation', { name: 'Results' }).getByRole('link', { name: label, exact: true }).click();
  await waitScreen(page, name);
}

/** The results views after the main one: [data-screen, link text]. */
const VIEWS = [['procurement', 'Procurement route'], ['whatif', 'What would change this advice'],
  ['compare', 'Compare all models'], ['cases', 'Cases'], ['sources', 'Sources']];

/** The current screen's text, whitespace collapsed. */
async function shadowText(page) {
  return norm(await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-root').textContent));
}

/** Check your answers as [question, answer] pairs; several answers are joined with " | ". */
async function checkRows(page) {
  return page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot
    .querySelectorAll('.ca-root > .ca-summary-list > .ca-summary-list__row')].map((row) => {
    const value = row.querySelector('.ca-summary-list__value');
    const items = [...value.querySelectorAll('li')].map((li) => li.textContent.trim());
    return [row.querySelector('.ca-summary-list__key').textContent.trim(), items.length ? items.join(' | ') : value.textContent.trim()];
  }));
}
function sameRows(a, b, label) {
  assert(a.length > 0 && JSON.stringify(a) === JSON.stringify(b),
    `${label}: Check your answers differs:\n  ${JSON.stringify(a).slice(0, 400)}\n  ${JSON.stringify(b).slice(0, 400)}`);
}

/** "You have answered N of M questions" on the start page: N, or 0 when the page does not say. */
async function answeredOnStart(page) {
  const m = /You have answered (\d+) of (\d+) questions/.exec(await shadowText(page));
  return m ? Number(m[1]) : 0;
}

/** Asserts focus is on the current screen's h1 and the h1 is in view (focus moved, and is not hidden). */
async function focusOnH1(page, label) {
  const r = await page.evaluate(() => {
    const root = document.querySelector('contract-advisor').shadowRoot;
    const h = root.querySelector('.ca-heading-l'); // the screen's main heading: h1, or h2 under heading-level="2"
    const box = h?.getBoundingClientRect();
    const a = root.activeElement;
    return { ok: !!h && a === h, inView: !!box && box.bottom > 0 && box.top < innerHeight,
      on: a ? `${a.tagName.toLowerCase()} “${(a.textContent || '').trim().slice(0, 60)}”` : 'nothing in the widget' };
  });
  assert(r.ok, `after ${label}, focus is on ${r.on}, not the h1`);
  assert(r.inView, `after ${label}, the focused h1 is out of view`);
}

/** Does `action`, then returns the text of the error summary it brings up (an older summary does not count) and
 * checks that the summary has focus. */
async function newErrorSummary(page, action) {
  await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-error-summary')?.setAttribute('data-e2e-seen', ''));
  await action();
  const text = await (await page.waitForFunction(() => document.querySelector('contract-advisor').shadowRoot
    .querySelector('.ca-error-summary:not([data-e2e-seen])')?.textContent, null, { timeout: 10000 })).jsonValue();
  const focusedSummary = await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.activeElement?.classList.contains('ca-error-summary'));
  assert(focusedSummary, 'the error summary does not have focus');
  return norm(text);
}

/** Whether the document scrolls sideways (tables and charts may scroll inside their own boxes). */
async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/**
 * Visible targets in the widget smaller than 24×24 CSS px (WCAG 2.2 2.5.8), described for the message. Links in a
 * line of text (the criterion's "inline" exception: their height is the line's) are not counted.
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const root = document.querySelector('contract-advisor').shadowRoot;
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const inline = (e) => e.tagName === 'A' && getComputedStyle(e).display === 'inline'
      && norm(e.parentElement.textContent) !== norm(e.textContent);
    return [...root.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((e) => e.checkVisibility())
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ e, r }) => r.width > 0 && (r.width < 24 || r.height < 24) && !inline(e))
      .map(({ e, r }) => `${e.tagName.toLowerCase()} “${norm(e.textContent || e.value || e.id).slice(0, 50)}” ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
  });
}

/** Opens the question behind a Change link on Check your answers. */
async function change(page, id) {
  await page.getByRole('link', { name: `Change your answer to: ${questionText(id)}` }).click();
  await waitScreen(page, 'question');
  assert(await questionId(page) === id, `Change did not open ${id}`);
}

/**
 * Visits every kind of screen in one page and calls `visit(label)` on each: start, a multiple-choice question and
 * its error, Check your answers (the risky plan, opened as a pasted link), a single-choice question, the question
 * with an exclusive “or” option, the results and every results view.
 */
async function everyScreen(page, visit) {
  await page.goto(BASE + 'index.html');
  await ready(page);
  await visit('start');
  await page.getByRole('button', { name: 'Start now' }).click();
  await waitScreen(page, 'question');
  await visit('question (multiple choice)');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').waitFor();
  await visit('question error');
  await page.evaluate((link) => { location.hash = link; }, RISKY_LINK);
  await waitScreen(page, 'check');
  await visit('check answers');
  await change(page, 'q-time');
  await visit('question (single choice)');
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitScreen(page, 'check');
  await change(page, 'q-gaps');
  await visit('question (exclusive “or” option)');
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitScreen(page, 'check');
  await toResults(page);
  await visit('results');
  for (const [name, label] of VIEWS) {
    await goView(page, name, label);
    await visit(label);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Tests

const started = Date.now();

await check('issue 2: whole journey by keyboard, change an answer, explained results; axe on every screen', async () => {
  const t = await open({ url: BASE });
  const { page } = t;
  await ready(page);
  assert(await screen(page) === 'start', 'not on the start page');
  await axe(page, 'start');
  await page.getByRole('button', { name: 'Start now' }).focus();
  await page.keyboard.press('Enter');
  await waitScreen(page, 'question');
  assert((await focused(page)).startsWith('h1'), 'focus is not on the question heading: ' + await focused(page));
  await axe(page, 'question (multiple choice)');
  // Error: continue without choosing.
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert((await summary.textContent()).includes('There is a problem'), 'no error summary');
  await axe(page, 'question error');
  const answered = await answerJourney(page, RISKY);
  assert(answered >= 25, `only ${answered} questions answered`);
  await waitScreen(page, 'check');
  assert((await focused(page)).startsWith('h1'), 'focus not on Check your answers heading');
  await axe(page, 'check answers');
  // Change one answer from Check your answers: the time available.
  const change = page.getByRole('link', { name: /Change.*When must the new arrangements be working/ }).or(
    page.getByRole('button', { name: /Change.*When must the new arrangements be working/ }));
  await change.first().click();
  await waitScreen(page, 'question');
  assert(await questionId(page) === 'q-time', 'Change did not open q-time');
  await axe(page, 'question (single choice, changing)');
  await chooseByKeyboard(page, [await page.evaluate(() => {
    const root = document.querySelector('contract-advisor').shadowRoot;
    const i = root.querySelector('input[value="over-24"]');
    return root.querySelector(`label[for="${i.id}"]`).textContent.trim();
  })]);
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitScreen(page, 'check');
  const row = await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.textContent);
  assert(/More than 24 months|over 24|24 months/i.test(row), 'changed answer not shown on Check your answers');
  await page.getByRole('button', { name: 'See options that may suit you' }).click();
  await waitScreen(page, 'results');
  const text = await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.textContent);
  for (const want of ['may suit', 'Why it may suit you', 'What counts against it', 'Sources']) {
    assert(text.includes(want), `results lack “${want}”`);
  }
  await axe(page, 'results');
  await page.screenshot({ path: `${OUT}/results.png`, fullPage: true });
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

// ---- Issue 3: what makes the advice trustworthy -----------------------------------------------------------

await check('issue 3: risky plan: readiness gaps, red flags with cases, procurement route, what-if, compare, cases, sources; every source link resolves; axe on each view', async () => {
  const t = await openRisky();
  const { page } = t;
  await toResults(page);
  await focusOnH1(page, 'See options');
  let text = await shadowText(page);
  // Readiness gaps: every line the core writes for the top three of each layer, e.g. missing actuarial skills.
  const top = [...byRank(RISKY_REC.vehicles).slice(0, 3), ...byRank(RISKY_REC.payments).slice(0, 3)];
  for (const m of top) {
    assert(text.includes(`${m.rank}. ${m.name}`), `results lack the ranked option ${m.rank}. ${m.name}`);
    for (const line of m.readiness.summary) assert(text.includes(norm(line)), `results lack the readiness gap “${line.slice(0, 80)}” of ${m.name}`);
  }
  assert(/Actuarial and financial risk modelling: this model needs it and you have not got it\. You answered “No, and we could not buy it in”/.test(text) && text.includes('Time: about 12 months'), 'no actuarial or time gap shown (quoting the answer given)');
  // Red flags: each one the core raises is shown on its model, names its case and has a source.
  const flags = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('.ca-flag')]
    .map((f) => ({ text: f.textContent.replace(/\s+/g, ' '), sources: f.querySelectorAll('a[href^="#ca-src-"]').length, cases: f.querySelectorAll('a[href^="#ca-case-"]').length })));
  const want = [...RISKY_REC.arrangements, ...RISKY_REC.vehicles, ...RISKY_REC.payments].flatMap((m) => m.redFlags);
  assert(want.length > 0 && flags.length === want.length, `${flags.length} red flags shown, the core raises ${want.length}`);
  for (const f of want) assert(flags.some((x) => x.text.includes(norm(f.title)) && (!f.caseName || x.text.includes(`From the case: ${f.caseName}`))), `red flag “${f.title}” (${f.caseName}) not shown`);
  assert(flags.some((x) => x.text.includes('UnitingCare')), 'no red flag names UnitingCare');
  // What to watch: the warnings the core raises for the situation and the recommended combination, each once.
  const watch = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('.ca-watch')]
    .map((f) => f.textContent.replace(/\s+/g, ' ')));
  assert(RISKY_REC.watch.length > 0 && watch.length === RISKY_REC.watch.length, `${watch.length} warnings under What to watch, the core raises ${RISKY_REC.watch.length}`);
  for (const f of RISKY_REC.watch) assert(watch.some((x) => x.includes(norm(f.title)) && x.includes(norm(f.mitigation)) && f.because.every((b) => x.includes(norm(b)))), `What to watch lacks “${f.title}” or the answers behind it`);
  // Then the warnings for the other options the advice suggests or that were proposed, each saying which it concerns.
  const also = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('.ca-watch-also')]
    .map((f) => f.textContent.replace(/\s+/g, ' ')));
  assert(also.length === RISKY_REC.watchAlso.length, `${also.length} warnings for other options, the core raises ${RISKY_REC.watchAlso.length}`);
  for (const f of RISKY_REC.watchAlso) assert(also.some((x) => x.includes(norm(f.title)) && x.includes(norm(f.appliesIf))), `What to watch lacks “${f.title}” for the options it concerns`);
  assert(flags.every((x) => x.sources > 0 && x.cases <= 1), 'a red flag lacks its source');
  assert(flags.filter((x) => x.cases === 1).length === want.filter((f) => f.caseId).length, 'a red flag from a case lacks its case link');
  await axe(page, 'results (risky plan)');
  // Every source and case link on every view, to check against the Sources and Cases views.
  const links = async () => page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('a[href^="#ca-src-"], a[href^="#ca-case-"]')].map((a) => a.getAttribute('href').slice(1)));
  const targets = new Set(await links());
  assert([...targets].filter((x) => x.startsWith('ca-src-')).length >= 10, 'few source links on the results page');

  // Procurement route: the verdict, the scope, each process with its status and why, the considerable change
  // threshold where it bears, and that it is not legal advice.
  const p = RISKY_REC.procurement;
  await goView(page, 'procurement', 'Procurement route');
  await focusOnH1(page, 'the Procurement route link');
  text = await shadowText(page);
  const procurementTexts = [p.summary, p.disclaimer, p.scope.text,
    ...p.elements.flatMap((e) => [e.verdict, ...e.steps.flatMap((s) => [s.route.name, s.statusLabel, s.because]), ...(e.threshold ? [e.threshold.because] : [])])];
  for (const s of procurementTexts) assert(text.includes(norm(s)), `procurement view lacks “${s.slice(0, 80)}”`);
  assert(text.includes('This is not legal advice'), 'no “not legal advice” disclaimer');
  (await links()).forEach((x) => targets.add(x));
  await axe(page, 'procurement route');

  // What would change this advice: every change the core finds, as “If you could answer … instead of …”.
  await goView(page, 'whatif', 'What would change this advice');
  await focusOnH1(page, 'the What would change link');
  text = await shadowText(page);
  assert(RISKY_REC.whatIf.length > 0 && text.includes('If you could answer'), 'no what-if sentence');
  for (const w of RISKY_REC.whatIf) assert(text.includes(norm(w.text)), `what-if view lacks “${w.text.slice(0, 80)}”`);
  await axe(page, 'what would change this advice');

  // Compare all models: both tables together hold all 16 models, in the core's order of fit.
  await goView(page, 'compare', 'Compare all models');
  await focusOnH1(page, 'the Compare link');
  const rows = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('table.ca-table--compare')]
    .map((tb) => [...tb.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()))));
  assert(rows.length === 3, 'compare view lacks its three tables (arrangements, vehicles, payment rules)');
  assert(rows.flat().length === CATALOGUE.models.length, `compare tables have ${rows.flat().length} rows, not ${CATALOGUE.models.length}`);
  for (const [i, layer] of [RISKY_REC.arrangements, RISKY_REC.vehicles, RISKY_REC.payments].entries()) {
    assert(JSON.stringify(rows[i].map((r) => r[0])) === JSON.stringify(byRank(layer).map((m) => m.name)), `compare table ${i + 1} is not in order of fit`);
    for (const [j, m] of byRank(layer).entries()) {
      const r = rows[i][j];
      assert(r[1].startsWith(String(m.score).replace('-', '−')) && r[2] === norm(m.riskCarrier) && r[3] === norm(m.moneyFlow) && r[4] === m.readiness.leadTime,
        `compare row for ${m.name} does not match the core: ${JSON.stringify(r).slice(0, 200)}`);
    }
  }
  await axe(page, 'compare all models');

  // Cases: the cases the answers resemble, then the whole library.
  await goView(page, 'cases', 'Cases');
  await focusOnH1(page, 'the Cases link');
  text = await shadowText(page);
  assert(text.includes('Your answers resemble') && RISKY_REC.resembles.length > 0, 'no “Your answers resemble”');
  for (const c of RISKY_REC.resembles) assert(text.includes(c.name), `resembling case ${c.name} not shown`);
  const caseIds = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('.ca-case[id]')].map((e) => e.id));
  assert(caseIds.length === CATALOGUE.cases.length, `case library has ${caseIds.length} cases, the content ${CATALOGUE.cases.length}`);
  for (const c of CATALOGUE.cases) assert(text.includes(`${c.name} (${c.years})`), `case library lacks ${c.name}`);
  (await links()).forEach((x) => targets.add(x));
  await axe(page, 'cases');

  // Sources: each cited source with its publisher and year, and every link seen above has its entry here.
  await goView(page, 'sources', 'Sources');
  await focusOnH1(page, 'the Sources link');
  const entries = await page.evaluate(() => Object.fromEntries([...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('li.ca-source[id]')]
    .map((e) => [e.id, e.textContent.replace(/\s+/g, ' ')])));
  for (const s of RISKY_REC.sources) {
    const e = entries['ca-src-' + s.id];
    assert(e && e.includes(norm(s.publisher)) && e.includes(String(s.year)), `source ${s.id} lacks its entry, publisher or year`);
  }
  assert(Object.keys(entries).length === CATALOGUE.sources.length, `Sources lists ${Object.keys(entries).length} of ${CATALOGUE.sources.length} sources`);
  const missing = [...targets].filter((x) => x.startsWith('ca-src-') && !entries[x]);
  assert(missing.length === 0, 'source links without an entry on the Sources screen: ' + missing.join(', '));
  await axe(page, 'sources');

  // Following a link lands on (and focuses) its entry: a source from the results, a case from a red flag.
  await goView(page, 'results', 'Contract options');
  // A source id opens its full reference in place; Escape closes it and focus returns to the id.
  const toggle = page.locator('contract-advisor .ca-ref-toggle').first();
  const refId = await toggle.getAttribute('data-source');
  await toggle.click();
  assert(await toggle.getAttribute('aria-expanded') === 'true', 'the source reference did not open');
  const panel = page.locator(`contract-advisor #${await toggle.getAttribute('aria-controls')}`);
  const ref = RISKY_REC.sources.find((x) => x.id === refId);
  assert(ref && norm(await panel.textContent()).includes(norm(ref.title)), `the reference for ${refId} lacks its title`);
  await axe(page, 'a source reference open in place');
  await page.keyboard.press('Escape');
  assert(await panel.isHidden() && await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.activeElement?.classList.contains('ca-ref-toggle')), 'Escape did not close the reference and return focus');
  // From the reference, on to the full source list.
  await toggle.click();
  const src = panel.locator('a[href^="#ca-src-"]');
  const srcId = (await src.getAttribute('href')).slice(1);
  await src.click();
  await waitScreen(page, 'sources');
  assert(await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.activeElement?.id) === srcId, `source link did not focus ${srcId}`);
  await goView(page, 'results', 'Contract options');
  // Red flags on a model sit in its folded details: open the first that holds one, as a user would.
  await page.locator('contract-advisor details.ca-fold:has(.ca-flag a[href^="#ca-case-"]) > summary').first().click();
  const flagCase = page.locator('contract-advisor .ca-flag a[href^="#ca-case-"]').first();
  const caseId = (await flagCase.getAttribute('href')).slice(1);
  assert(caseIds.includes(caseId), `red flag links to ${caseId}, which is not in the case library`);
  await flagCase.click();
  await waitScreen(page, 'cases');
  assert(await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.activeElement?.id) === caseId, `case link did not focus ${caseId}`);
  const strayCases = [...targets].filter((x) => x.startsWith('ca-case-') && !caseIds.includes(x));
  assert(strayCases.length === 0, 'case links without a case: ' + strayCases.join(', '));
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

// ---- Issue 4: save, share, print, embed, offline ------------------------------------------------------------

await check('issue 4: charts: fit by model and model by section, as labelled SVG images with data tables that match the scores', async () => {
  const t = await openRisky();
  const { page } = t;
  await toResults(page);
  const charts = await page.evaluate(() => {
    const root = document.querySelector('contract-advisor').shadowRoot;
    return [...root.querySelectorAll('svg[role="img"]')].map((svg) => {
      const name = (svg.getAttribute('aria-labelledby') || '').split(' ').map((id) => root.getElementById(id)?.textContent?.trim() || '').join(' | ');
      const labels = [...svg.querySelectorAll('text')].map((x) => x.textContent.trim());
      return { name, labels, bars: svg.querySelectorAll('rect').length };
    });
  });
  assert(charts.length >= 2, `${charts.length} SVG charts on the results page`);
  const [fit, crit] = charts;
  assert(fit.name.startsWith('Fit by model |') && fit.name.length > 40, 'the fit chart has no title and description: ' + fit.name);
  assert(crit.name.includes('section'), 'the model-by-section chart has no title and description: ' + crit.name);
  // Every model appears in the fit chart with its score and reachable points, exactly as the core computed them.
  const ALL = [...RISKY_REC.arrangements, ...RISKY_REC.vehicles, ...RISKY_REC.payments];
  const basis = (m) => `${m.score > 0 ? `+${m.score}` : m.score < 0 ? `−${-m.score}` : '0'} of ${m.reachable}`; // a true minus sign
  for (const m of ALL) {
    assert(fit.labels.some((l) => l.endsWith(`: ${basis(m)}`) && l.length > basis(m).length + 2), `no bar labelled with ${m.name}'s fit ${basis(m)}`);
  }
  assert(fit.bars >= ALL.length, `${fit.bars} bars for ${ALL.length} models`);
  // The text alternatives: tables with the same figures.
  const tables = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('table')]
    .map((tb) => ({ caption: tb.querySelector('caption')?.textContent?.trim() || '', rows: [...tb.querySelectorAll('tbody tr')].map((r) => [...r.cells].map((c) => c.textContent.trim())) })));
  const fitTable = tables.find((x) => x.caption === 'Fit by model');
  assert(fitTable && fitTable.rows.length === ALL.length, `no fit data table with ${ALL.length} rows`);
  for (const m of ALL) {
    const row = fitTable.rows.find((r) => r[0] === m.name);
    assert(row && row.includes(basis(m)), `fit table row for ${m.name}: ${row}`);
  }
  const bySection = tables.find((x) => x.caption.startsWith('Points for and against each model, by section'));
  assert(bySection, 'no model-by-section data table');
  const cell = (v) => (v === null ? '–' : v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');
  for (const m of ALL) {
    const row = bySection.rows.find((r) => r[0] === m.name);
    assert(row && row.slice(1).join(' ') === m.bySection.map(cell).join(' '), `section row for ${m.name}: ${row} ≠ ${m.bySection.map(cell)}`);
  }
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 4: answers survive a reload and a new visit on this device (localStorage); Clear my answers removes them', async () => {
  const t = await open({ url: BASE + 'index.html' });
  const { page } = t;
  await ready(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await waitScreen(page, 'question');
  assert(await answerJourney(page, RISKY, 4) === 4, 'could not answer four questions');
  const next = await questionId(page);
  // The answers reach localStorage once the full advisor has loaded in the background.
  await page.waitForFunction(() => Object.keys(JSON.parse(localStorage.getItem('contract-advisor/answers') || '{}').answers || {}).length === 4, null, { timeout: 10000 });
  // A reload comes back to the same question.
  await page.reload();
  await ready(page);
  assert(await screen(page) === 'question' && await questionId(page) === next, `reload did not return to ${next}`);
  // A new visit without the link in the address: the answers come from this device alone.
  await page.goto(BASE + 'index.html');
  await ready(page);
  assert(await answeredOnStart(page) === 4, 'a new visit does not show the 4 saved answers');
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitScreen(page, 'question');
  assert(await questionId(page) === next, 'Continue did not resume at the next question');
  // The previous answer is the one given before the reload.
  await page.getByRole('button', { name: 'Back' }).click();
  const prev = await questionId(page);
  const checked = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('input:checked')].map((i) => i.value));
  assert(JSON.stringify(checked.sort()) === JSON.stringify([].concat(RISKY[prev]).sort()), `${prev} lost its answer: ${checked}`);
  // Clear my answers (on the start page) removes them from this browser.
  await page.goto(BASE + 'index.html');
  await ready(page);
  await page.getByRole('button', { name: 'Clear my answers' }).click();
  assert((await shadowText(page)).includes('Your answers have been cleared'), 'no notice after clearing');
  assert(await page.evaluate(() => localStorage.getItem('contract-advisor/answers')) === null, 'answers still stored after clearing');
  await page.reload();
  await ready(page);
  assert(await answeredOnStart(page) === 0 && await page.getByRole('button', { name: 'Start now' }).isVisible(), 'answers came back after clearing');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 4: Download my answers, then open the file in a fresh browser: the same answers', async () => {
  const t = await openRisky();
  const before = await checkRows(t.page);
  assert(before.length >= 25 && before.every(([, v]) => v !== 'Not answered'), 'the risky plan is not fully answered');
  const [dl] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('button', { name: 'Download my answers' }).click()]);
  assert(/^contract-advisor-answers-\d{4}-\d{2}-\d{2}\.json$/.test(dl.suggestedFilename()), 'odd file name ' + dl.suggestedFilename());
  const path = `${OUT}/${dl.suggestedFilename()}`;
  await dl.saveAs(path);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert(saved.format === 'integrated-care-contract-advisor/answers' && saved.version === 1, 'not a saved answers file');
  const canon = (a) => JSON.stringify(Object.entries(a).map(([k, v]) => [k, [].concat(v).sort()]).sort());
  assert(canon(saved.answers) === canon(RISKY), 'the file does not hold the answers given');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();

  const u = await open({ url: BASE + 'index.html' });
  await ready(u.page);
  assert(await answeredOnStart(u.page) === 0, 'a fresh browser already has answers');
  await u.page.getByLabel('Open a saved answers file').setInputFiles(path);
  await waitScreen(u.page, 'check');
  assert((await shadowText(u.page)).includes('Your saved answers have been opened'), 'no notice after opening the file');
  sameRows(await checkRows(u.page), before, 'after opening the downloaded file');
  ownFilesOnly(u.requests, BASE);
  await noProblems(u);
  await u.context.close();
});

await check('issue 4: the share link (Copy link to these answers) opened in a fresh browser gives the same answers', async () => {
  const t = await openRisky({ permissions: ['clipboard-read', 'clipboard-write'] });
  const before = await checkRows(t.page);
  await t.page.getByRole('button', { name: 'Copy link to these answers' }).click();
  const field = t.page.getByRole('textbox', { name: 'Link to these answers' });
  await field.waitFor();
  const link = await field.inputValue();
  // The page and the native command write the same link; the field is read-only; the clipboard has it.
  assert(link === BASE + 'index.html' + RISKY_LINK, `the link is ${link}`);
  assert(await field.evaluate((i) => i.readOnly), 'the link field is not read-only');
  assert((await shadowText(t.page)).includes('Link copied.'), 'no “Link copied.” status');
  assert(await t.page.evaluate(() => navigator.clipboard.readText()) === link, 'the clipboard does not hold the link');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();

  const u = await open({ url: link });
  await ready(u.page);
  await waitScreen(u.page, 'check');
  assert((await shadowText(u.page)).includes('We have opened the answers in your link'), 'no notice after opening the link');
  sameRows(await checkRows(u.page), before, 'after opening the link');
  ownFilesOnly(u.requests, BASE);
  await noProblems(u);
  await u.context.close();
});

await check('issue 4: bad-input catalogue: every bad file and link gives its message and leaves the answers as they were', async () => {
  // Entries over 1 MB are left to the Rust tests (the page reads at most 1 MB of a file anyway).
  const entries = BAD.map((e) => ({ ...e, text: e.input ?? e.generate.repeat.repeat(e.generate.times) }))
    .filter((e) => Buffer.byteLength(e.text) <= 1 << 20);
  const files = entries.filter((e) => e.kind === 'file');
  const links = entries.filter((e) => e.kind === 'link');
  assert(files.length >= 40 && links.length === BAD.filter((e) => e.kind === 'link').length, 'catalogue entries missing');
  const t = await open({ url: BASE + 'index.html' });
  const { page } = t;
  await ready(page);
  // The good answers first, from the good file; the address then carries the good link (the same answers).
  await page.getByLabel('Open a saved answers file').setInputFiles(GOOD_FILE);
  await waitScreen(page, 'check');
  const good = await checkRows(page);
  const answered = good.filter(([, v]) => v !== 'Not answered').length;
  assert(answered >= 10, 'the good file did not open');
  assert(await page.evaluate(() => location.hash) === GOOD_LINK, 'the good file and the good link hold different answers');

  // Files, opened on Check your answers: the message, and the same answers on the same screen.
  for (const e of files) {
    const summary = await newErrorSummary(page, () => page.getByLabel('Open a saved answers file')
      .setInputFiles({ name: `${e.name}.json`, mimeType: 'application/json', buffer: Buffer.from(e.text, 'utf8') }));
    assert(summary.includes('We could not open that file') && summary.includes(norm(e.message_contains)), `${e.name}: message “${summary.slice(0, 200)}”`);
    assert(await screen(page) === 'check', `${e.name}: left Check your answers`);
    sameRows(await checkRows(page), good, e.name);
  }

  // A link is read only when the fragment looks like one (a letter, digits and a dot: “#a1.…”, “#A1.…”, “#b1.…”);
  // any other fragment is a page anchor and is left alone. The answers are unchanged when the address is back to
  // the good link and the start page counts them.
  const isLink = (e) => /^#[a-z]\d+\./i.test('#' + e.text);
  const unchanged = async (e) => {
    assert(await page.evaluate(() => location.hash) === GOOD_LINK, `${e.name}: the answers changed (address ${(await page.evaluate(() => location.hash)).slice(0, 60)})`);
    assert(await answeredOnStart(page) === answered, `${e.name}: the start page does not count ${answered} answers`);
  };
  // 1. Pasted into the address bar of the open page (hashchange, no reload).
  for (const e of links.filter(isLink)) {
    const summary = await newErrorSummary(page, () => page.evaluate((h) => { location.hash = h; }, e.text));
    assert(summary.includes('We could not open the answers in this link') && summary.includes(norm(e.message_contains)), `${e.name} (pasted): message “${summary.slice(0, 200)}”`);
    await unchanged(e);
  }
  // 2. Opened as a new page, with the good answers stored on this device.
  for (const e of links) {
    await page.goto('about:blank');
    await page.goto(BASE + 'index.html#' + e.text);
    await ready(page);
    const text = await shadowText(page);
    if (isLink(e)) {
      assert(text.includes('We could not open the answers in this link') && text.includes(norm(e.message_contains)), `${e.name} (opened): message “${text.slice(0, 200)}”`);
    } else {
      assert(!text.includes('There is a problem') && !text.includes('could not open'), `${e.name}: an anchor gave an error`);
    }
    await unchanged(e);
  }
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 4: print: the report has the answers, ranked options, reasons, gaps, flags, route, sources, date and version; no navigation or buttons; axe', async () => {
  const t = await openRisky();
  const { page } = t;
  await toResults(page);
  const rendered = () => page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-root').innerText.replace(/\s+/g, ' '));
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  assert(!(await rendered()).includes('Report printed on'), 'the print-only parts show on screen');
  await page.emulateMedia({ media: 'print' });
  const text = await rendered();
  const top = byRank(RISKY_REC.vehicles)[0], flagged = byRank(RISKY_REC.vehicles).slice(0, 3).find((m) => m.redFlags.some((f) => f.caseName));
  const caseFlag = flagged.redFlags.find((f) => f.caseName);
  const want = {
    'the answers': ['Your answers', ...Object.keys(RISKY).map(questionText)],
    'the ranked options': [`1. ${top.name}`, `1. ${byRank(RISKY_REC.payments)[0].name}`],
    'the reasons': ['Why it may suit you', norm(top.reasons[0].why)],
    'the gaps': ['What it would demand of you', norm(top.readiness.summary[0])],
    'the red flags': ['Warnings', norm(caseFlag.title), `From the case: ${caseFlag.caseName}`],
    'the procurement route': ['Procurement route', norm(RISKY_REC.procurement.summary), 'This is not legal advice'],
    'the sources (with addresses)': ['Sources', ...RISKY_REC.sources.slice(0, 5).map((s) => `Address: ${s.url}`)],
    'the date and content version': [`Report printed on ${today}.`, `Content version ${RISKY_REC.contentVersion}`],
  };
  for (const [section, texts] of Object.entries(want)) {
    for (const x of texts) assert(text.includes(x), `the printed report lacks ${section}: “${x.slice(0, 80)}”`);
  }
  // Navigation, buttons, the file input and the save panel are not printed.
  const shown = await page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('nav, button, input, .ca-save')]
    .filter((e) => e.checkVisibility({ checkVisibilityCSS: true })).map((e) => `${e.tagName.toLowerCase()} ${e.textContent.trim().slice(0, 40)}`));
  assert(shown.length === 0, 'printed controls: ' + shown.join(', '));
  for (const x of ['Print or save as PDF', 'Download my answers', 'Compare all models', 'Open a saved answers file']) assert(!text.includes(x), `“${x}” is printed`);
  await axe(page, 'results (print)');
  await page.emulateMedia({ media: 'screen' });
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 4: the custom element in a host page served with the strict CSP header: no violation or console error; a whole journey to the results; axe', async () => {
  const t = await open();
  const { page } = t;
  const res = await page.goto(BASE + 'www/examples/custom-element.html');
  assert(res.headers()['content-security-policy'] === STRICT_CSP, 'the host page was not served with the strict CSP header');
  await ready(page);
  // start="question": the first question straight away.
  await waitScreen(page, 'question');
  assert(await questionId(page) === QUESTIONS[0].id, 'the embed did not start at the first question');
  // The host's loud styles (serif, justified, italic paragraphs, purple capitals) stay outside the widget.
  const look = await page.evaluate(() => {
    const root = document.querySelector('contract-advisor').shadowRoot;
    const st = (sel) => getComputedStyle(root.querySelector(sel));
    return { font: st('.ca-root').fontFamily, align: st('.ca-root').textAlign, h1: st('.ca-heading-l').textTransform, hint: st('.ca-hint').fontStyle };
  });
  assert(!/Georgia/.test(look.font) && look.align !== 'justify' && look.h1 !== 'uppercase' && look.hint !== 'italic', 'host styles reach the widget: ' + JSON.stringify(look));
  await axe(page, 'custom element in the host page (question)');
  // heading-level="2": the host's h1 is the page's only h1; the widget's headings sit under it.
  const headings = await page.evaluate(() => {
    const root = document.querySelector('contract-advisor').shadowRoot;
    return { host: document.querySelectorAll('h1').length, widgetH1: root.querySelectorAll('h1').length, main: root.querySelector('.ca-heading-l')?.tagName };
  });
  assert(headings.host === 1 && headings.widgetH1 === 0 && headings.main === 'H2', 'headings in the host page: ' + JSON.stringify(headings));
  assert(await answerJourney(page, RISKY) >= 25, 'the journey stopped early');
  await waitScreen(page, 'check');
  await axe(page, 'custom element in the host page (check answers)');
  await toResults(page);
  assert((await shadowText(page)).includes(`1. ${byRank(RISKY_REC.vehicles)[0].name}`), 'the embed shows other results');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 4: the iframe example loads embed.html, which works inside the frame; axe on the frame and the host', async () => {
  const t = await open({ url: BASE + 'www/examples/iframe.html' });
  const { page } = t;
  const iframe = page.locator('iframe');
  assert((await iframe.getAttribute('title'))?.includes('Integrated Care Contract Advisor'), 'the frame has no title');
  const frame = await (await iframe.elementHandle()).contentFrame();
  assert(frame.url() === BASE + 'www/embed.html', 'the frame shows ' + frame.url());
  await ready(frame);
  // A question answered inside the frame...
  await frame.getByRole('button', { name: 'Start now' }).click();
  await waitScreen(frame, 'question');
  const first = await questionId(frame);
  await frame.locator('contract-advisor label.ca-choice__label').first().click();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.waitForFunction((q) => document.querySelector('contract-advisor').shadowRoot.querySelector('[data-question-id]')?.dataset.questionId !== q, first);
  await axe(frame, 'embed.html in the frame (question)');
  // ...then saved answers opened from the start page, and the results.
  await frame.getByRole('button', { name: 'Back' }).click();
  await frame.getByRole('button', { name: 'Back' }).click();
  await waitScreen(frame, 'start');
  await frame.getByLabel('Open a saved answers file').setInputFiles(GOOD_FILE);
  // One question was answered above, so the tool asks before the file replaces it.
  await waitScreen(frame, 'replace');
  await frame.getByRole('button', { name: 'Open the answers in this file' }).click();
  await waitScreen(frame, 'check');
  await toResults(frame);
  assert((await shadowText(frame)).includes('may suit'), 'no results in the frame');
  await axe(page, 'iframe host page');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t, [frame]);
  await t.context.close();
});

await check('issue 4: the single file works from file:// with the network blocked: a whole journey to the results and the Word board paper', async () => {
  const t = await open();
  const blocked = [];
  await t.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const url = pathToFileURL(SINGLE).href;
  await t.page.goto(url);
  await ready(t.page);
  await t.page.getByRole('button', { name: 'Start now' }).click();
  await waitScreen(t.page, 'question');
  assert(await answerJourney(t.page, RISKY) >= 25, 'the journey stopped early');
  await waitScreen(t.page, 'check');
  await toResults(t.page);
  const text = await shadowText(t.page);
  assert(text.includes(`1. ${byRank(RISKY_REC.vehicles)[0].name}`) && text.includes('Warnings'), 'the single file shows other results');
  await goView(t.page, 'procurement', 'Procurement route');
  assert((await shadowText(t.page)).includes(norm(RISKY_REC.procurement.summary)), 'no procurement route in the single file');
  // The Word board paper works offline too: its module is inlined, so nothing is fetched.
  await goView(t.page, 'results', 'Contract options');
  const [dl] = await Promise.all([
    t.page.waitForEvent('download'),
    t.page.locator('contract-advisor').getByRole('button', { name: 'Download board paper (Word)' }).click(),
  ]);
  const docx = readFileSync(await dl.path());
  assert(docx.length > 10000 && docx[0] === 0x50 && docx[1] === 0x4b && docx.includes(Buffer.from('word/document.xml')),
    `the single file's Word paper is not a .docx (${docx.length} bytes)`);
  assert(blocked.length === 0, 'the single file tried the network: ' + blocked.join(', '));
  ownFilesOnly(t.requests, url);
  await noProblems(t);
  await t.context.close();
});

// ---- Issue 5: accessibility, security and privacy ------------------------------------------------------------

await check('issue 5: axe on the exclusive “or” question, a single-choice error, link and file errors, the notices, and the accessibility statement', async () => {
  const t = await openRisky();
  const { page } = t;
  await axe(page, 'check answers with the “opened your link” notice');
  // The question with an exclusive option: “No major gaps that we know of” clears the others and the others clear it.
  await change(page, 'q-gaps');
  assert(await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-choice__divider')
    ?.nextElementSibling?.querySelector('input')?.value) === 'none-major', 'no “or” before the exclusive option');
  await axe(page, 'question (exclusive “or” option)');
  const checked = () => page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('input:checked')].map((i) => i.value));
  assert((await checked()).length === 2, 'the risky plan’s two gaps are not shown');
  await page.getByLabel('No major gaps that we know of').check();
  assert(JSON.stringify(await checked()) === '["none-major"]', 'the exclusive option left others checked: ' + await checked());
  await page.getByLabel('Between health and social care').check();
  assert(JSON.stringify(await checked()) === '["health-social"]', 'another option left the exclusive one checked: ' + await checked());
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitScreen(page, 'check');
  // A bad file on Check your answers.
  await newErrorSummary(page, () => page.getByLabel('Open a saved answers file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1}') }));
  await axe(page, 'check answers with a file error');
  // A single-choice question left unanswered.
  await page.evaluate(() => localStorage.clear());
  await page.goto(BASE + 'index.html');
  await ready(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await answerJourney(page, RISKY, 3); // who is commissioning, whether one would act for the others, then the problems (multiple choice)
  const single = await questionId(page);
  assert(QUESTIONS.find((q) => q.id === single).kind === 'single', `${single} is not a single-choice question`);
  await newErrorSummary(page, () => page.getByRole('button', { name: 'Continue' }).click());
  await axe(page, 'question error (single choice)');
  await page.waitForFunction(() => localStorage.getItem('contract-advisor/answers')); // the one answer, kept
  // A bad link, and the start page's notice after clearing.
  await page.goto('about:blank');
  await page.goto(BASE + 'index.html#a1.sga.0000000');
  await ready(page);
  assert((await shadowText(page)).includes('We could not open the answers in this link'), 'no error for a bad link');
  await axe(page, 'start with a link error');
  await page.getByRole('button', { name: 'Clear my answers' }).click();
  assert((await shadowText(page)).includes('Your answers have been cleared'), 'no notice after clearing');
  await axe(page, 'start with the “cleared” notice');
  // The accessibility statement.
  await page.goto(BASE + 'www/accessibility.html');
  assert((await page.locator('h1').textContent()).includes('Accessibility statement'), 'no accessibility statement');
  await axe(page, 'accessibility statement');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 5: focus moves to the new h1 on every screen change, by keyboard, and is not hidden', async () => {
  const t = await open({ url: BASE + 'index.html' });
  const { page } = t;
  await ready(page);
  const press = async (locator, key = 'Enter') => { await locator.focus(); await page.keyboard.press(key); };
  await press(page.getByRole('button', { name: 'Start now' }));
  await waitScreen(page, 'question');
  await focusOnH1(page, 'Start now');
  // Checks the h1 after each Continue. Four questions, so that Back returns to a single-choice question (whether
  // one commissioner would act for the others is the second): pressing Space again on a ticked box would untick it.
  await answerJourney(page, RISKY, 4);
  const q = await questionId(page);
  await press(page.getByRole('button', { name: 'Back' }));
  await page.waitForFunction((id) => document.querySelector('contract-advisor').shadowRoot.querySelector('[data-question-id]')?.dataset.questionId !== id, q);
  await focusOnH1(page, 'Back');
  await answerJourney(page, RISKY); // to Check your answers, whose h1 it checks too
  await waitScreen(page, 'check');
  await press(page.getByRole('link', { name: `Change your answer to: ${questionText('q-time')}` }));
  await waitScreen(page, 'question');
  await focusOnH1(page, 'Change');
  await press(page.getByRole('button', { name: 'Continue' }));
  await waitScreen(page, 'check');
  await focusOnH1(page, 'Continue after a change');
  await press(page.getByRole('button', { name: 'See options that may suit you' }));
  await waitScreen(page, 'results');
  await focusOnH1(page, 'See options');
  for (const [name, label] of VIEWS) {
    await press(page.getByRole('navigation', { name: 'Results' }).getByRole('link', { name: label, exact: true }));
    await waitScreen(page, name);
    await focusOnH1(page, `the ${label} link`);
  }
  await press(page.getByRole('button', { name: 'Back' }));
  await waitScreen(page, 'results');
  await focusOnH1(page, 'Back from a results view');
  // The browser's back button (link-state keeps each screen in history).
  await page.goBack();
  await waitScreen(page, 'sources');
  await focusOnH1(page, 'the browser’s back button');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 5: every visible button, link and input in the widget is at least 24×24 CSS px (WCAG 2.2 2.5.8), at 1000 and 320 px wide', async () => {
  for (const width of [1000, 320]) {
    const t = await open({ viewport: { width, height: 800 } });
    const small = [];
    let screens = 0;
    await everyScreen(t.page, async (label) => {
      screens++;
      for (const x of await smallTargets(t.page)) small.push(`${width}px ${label}: ${x}`);
    });
    assert(screens === 12, `visited ${screens} screens`);
    assert(small.length === 0, `${small.length} targets under 24×24 px:\n  ` + [...new Set(small)].slice(0, 10).join('\n  '));
    ownFilesOnly(t.requests, BASE);
    await noProblems(t);
    await t.context.close();
  }
});

await check('issue 10: the first screen of the results names the combination, its fit, the reasons, the first warnings, what it would take and the route (1366×768 and a phone)', async () => {
  const sm = RISKY_REC.summary;
  assert(sm && sm.reasons.length > 0 && sm.reasons.length <= 3 && sm.watch.length <= 3, 'the core gives no usable summary');
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const t = await openRisky({ viewport });
    await toResults(t.page);
    const box = await t.page.evaluate(() => {
      const card = document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-summary-card');
      const lead = card && card.querySelector('.ca-lead');
      return lead ? { top: lead.getBoundingClientRect().top + window.scrollY, text: card.textContent.replace(/\s+/g, ' ') } : null;
    });
    assert(box, 'no summary on the results page');
    assert(box.top < viewport.height, `the combination starts ${Math.round(box.top)} px down at ${viewport.width}×${viewport.height}`);
    for (const s of [sm.combination, sm.fit, sm.readiness, ...sm.reasons.map((r) => r.why), ...sm.watch.map((f) => f.title)]) {
      assert(box.text.includes(norm(s)), `the summary lacks “${s.slice(0, 60)}”`);
    }
    if (sm.procurement) assert(box.text.includes(norm(sm.procurement)), 'the summary lacks the procurement route');
    // With every disclosure closed, the whole results page is at most six screens.
    const height = await t.page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`     results page at ${viewport.width}×${viewport.height}, disclosures closed: ${height} px (${(height / viewport.height).toFixed(1)} screens)`);
    if (viewport.width === 1366 && height > 6 * viewport.height) {
      const parts = await t.page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-root').children]
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().height)}`));
      assert(false, `the results page is ${height} px, over six screens:\n  ${parts.join('\n  ')}`);
    }
    await axe(t.page, `summary at ${viewport.width}px`);
    await noProblems(t);
    await t.context.close();
  }
});

await check('issue 10: nothing lost: a link or file that would replace saved answers asks first; Keep keeps them, Open replaces them, and Undo brings them back', async () => {
  const t = await open({ url: BASE + 'index.html' });
  const { page } = t;
  await ready(page);
  await page.getByLabel('Open a saved answers file').setInputFiles(GOOD_FILE);
  await waitScreen(page, 'check');
  const mine = await checkRows(page);
  // A colleague's link, pasted into the address bar while these answers are saved.
  await page.evaluate((link) => { location.hash = link; }, RISKY_LINK);
  await waitScreen(page, 'replace');
  assert((await shadowText(page)).includes('Opening the answers in this link replaces them'), 'no warning before replacing');
  await axe(page, 'the question before answers are replaced');
  await page.getByRole('button', { name: 'Keep my answers' }).click();
  await page.waitForFunction(() => document.querySelector('contract-advisor').shadowRoot.querySelector('[data-screen]').dataset.screen !== 'replace');
  assert((await shadowText(page)).includes('Your answers have been kept'), 'no notice after keeping the answers');
  assert(await page.evaluate(() => location.hash) === GOOD_LINK, 'keeping my answers did not keep them in the address');
  // Reload: the saved answers are still the same.
  await page.reload();
  await ready(page);
  await page.evaluate((link) => { location.hash = link; }, RISKY_LINK);
  await waitScreen(page, 'replace');
  await page.getByRole('button', { name: 'Open the answers in this link' }).click();
  await waitScreen(page, 'check');
  const theirs = await checkRows(page);
  assert(JSON.stringify(theirs) !== JSON.stringify(mine), 'the link did not replace the answers');
  await page.getByRole('button', { name: 'Undo: bring back my previous answers' }).click();
  await waitScreen(page, 'check');
  assert((await shadowText(page)).includes('Your previous answers are back'), 'no notice after Undo');
  sameRows(await checkRows(page), mine, 'after Undo');
  // A plain answers object, as advise accepts, opens in the page too (and asks first, as answers are in force).
  await page.getByLabel('Open a saved answers file').setInputFiles(resolve('e2e/fixtures/risky-plan.json'));
  await waitScreen(page, 'replace');
  await page.getByRole('button', { name: 'Open the answers in this file' }).click();
  await waitScreen(page, 'check');
  sameRows(await checkRows(page), theirs, 'after opening the plain answers file');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 10: sources in place: a source id opens its reference where it is; Back from the source list returns to the same place in the results', async () => {
  const t = await openRisky({ viewport: { width: 1366, height: 768 } });
  const { page } = t;
  await toResults(page);
  // A source far down the page: in the vehicles layer, opened as a user would.
  await page.locator('contract-advisor .ca-layer--vehicles details.ca-fold > summary').click();
  const toggle = page.locator('contract-advisor .ca-layer--vehicles .ca-ref-toggle').nth(3);
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  const before = await page.evaluate(() => window.scrollY);
  assert(before > 2000, `the source is only ${before} px down`);
  await page.locator(`contract-advisor #${await toggle.getAttribute('aria-controls')} a[href^="#ca-src-"]`).click();
  await waitScreen(page, 'sources');
  await page.goBack();
  await waitScreen(page, 'results');
  const after = await page.evaluate(() => window.scrollY);
  assert(Math.abs(after - before) < 50, `Back returned to ${after} px, not ${before} px`);
  const focus = await page.evaluate(() => {
    const a = document.querySelector('contract-advisor').shadowRoot.activeElement;
    const r = a?.getBoundingClientRect();
    return a ? { tag: a.tagName, inView: r.bottom > 0 && r.top < innerHeight } : null;
  });
  assert(focus && /^(H[1-4]|SUMMARY)$/.test(focus.tag) && focus.inView, `after Back, focus is on ${JSON.stringify(focus)}`);
  await noProblems(t);
  await t.context.close();
});

await check('issue 5: reflow at 320×800: no screen scrolls sideways (tables and charts scroll in their own boxes)', async () => {
  const t = await open({ viewport: { width: 320, height: 800 } });
  const wide = [];
  await everyScreen(t.page, async (label) => {
    if (await scrollsSideways(t.page)) wide.push(`${label} (${await t.page.evaluate(() => document.documentElement.scrollWidth)} px)`);
  });
  assert(wide.length === 0, 'scrolls sideways at 320 px: ' + wide.join(', '));
  // The compare tables are wider than the screen, so their own boxes scroll.
  await goView(t.page, 'compare', 'Compare all models');
  assert(await t.page.evaluate(() => [...document.querySelector('contract-advisor').shadowRoot.querySelectorAll('.ca-table-wrap')]
    .some((w) => w.scrollWidth > w.clientWidth && getComputedStyle(w).overflowX !== 'visible')), 'the compare tables neither fit nor scroll in their box');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 5: 200% zoom (640×400): the whole journey works by keyboard, with nothing scrolling sideways', async () => {
  const t = await open({ url: BASE + 'index.html', viewport: { width: 640, height: 400 } });
  const { page } = t;
  await ready(page);
  await page.getByRole('button', { name: 'Start now' }).focus();
  await page.keyboard.press('Enter');
  await waitScreen(page, 'question');
  assert(!await scrollsSideways(page), 'the question page scrolls sideways');
  assert(await answerJourney(page, RISKY) >= 25, 'the journey stopped early');
  await waitScreen(page, 'check');
  assert(!await scrollsSideways(page), 'Check your answers scrolls sideways');
  await page.getByRole('button', { name: 'See options that may suit you' }).focus();
  await page.keyboard.press('Enter');
  await waitScreen(page, 'results');
  await focusOnH1(page, 'See options');
  assert(!await scrollsSideways(page), 'the results scroll sideways');
  assert((await shadowText(page)).includes(`1. ${byRank(RISKY_REC.vehicles)[0].name}`), 'other results at 640 px');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 5: without JavaScript the page says what the tool does and links to the printable catalogue, which lists every question and model', async () => {
  const t = await open({ url: BASE + 'index.html', javaScriptEnabled: false });
  const { page } = t;
  const main = norm(await page.locator('main').innerText());
  assert(main.includes('choose how to contract for integrated care') && main.includes('The interactive tool needs JavaScript'), 'no noscript text: ' + main.slice(0, 200));
  const link = page.getByRole('link', { name: 'See the questions and contract models as a printable list' });
  assert(await link.isVisible() && await link.getAttribute('href') === 'www/catalogue.html', 'no visible link to the catalogue');
  await link.click();
  await page.waitForURL(BASE + 'www/catalogue.html');
  const text = norm(await page.locator('main').innerText());
  const missing = [...QUESTIONS.map((q) => q.text), ...CATALOGUE.models.map((m) => m.name)].filter((x) => !text.includes(norm(x)));
  assert(QUESTIONS.length >= 25 && missing.length === 0, 'the catalogue lacks: ' + missing.join(' | '));
  assert(await page.locator('main ol > li').count() === QUESTIONS.length, 'the catalogue lists a different number of questions');
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 5: the main page’s own CSP is in force (no inline script, no eval) and nothing on it breaks the policy', async () => {
  const t = await openRisky();
  const { page } = t;
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'"]) assert(policy.includes(d), `the page's CSP lacks ${d}`);
  assert(!/'unsafe-inline'|'unsafe-eval'|\*/.test(policy), 'the page allows inline code, eval or any origin: ' + policy);
  // Canaries: an inline script and a string run as code (setTimeout with a string is eval) are refused, and the
  // refusals are reported, so the listener noProblems relies on works. (A direct eval() inside page.evaluate is
  // not a fair canary: code the test driver injects is exempt.)
  const canary = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    setTimeout('window.__evalRan = true', 0);
    await new Promise((r) => setTimeout(r, 100));
    const seen = window.__cspViolations.splice(0);
    return { inline: !!window.__inlineRan, evalRan: !!window.__evalRan, seen };
  });
  assert(!canary.inline && !canary.evalRan, 'the CSP did not stop an inline script or eval');
  assert(canary.seen.some((v) => v.startsWith('script-src-elem')), 'the inline script was not reported: ' + canary.seen.join(' | '));
  assert(canary.seen.some((v) => v.startsWith('script-src eval')), 'the eval was not reported: ' + canary.seen.join(' | '));
  t.problems.splice(0); // the browser also logs the two refusals
  // The whole results, with the charts' data tables open, under that policy.
  await toResults(page);
  await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.querySelectorAll('details').forEach((d) => { d.open = true; }));
  for (const [name, label] of VIEWS) await goView(page, name, label);
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

await check('issue 10: the board paper: timetable chart and table, the Word module fetched only on click (own files), a .docx download, and a printed paper of 2–4 A4 pages; axe', async () => {
  const t = await openRisky();
  const { page } = t;
  await toResults(page);
  const root = page.locator('contract-advisor');
  await root.getByRole('heading', { name: 'Board paper' }).waitFor();
  // The timetable: an SVG image with a title, and a data table with one row per stage.
  const chart = await page.evaluate(() => {
    const sr = document.querySelector('contract-advisor').shadowRoot;
    const svg = sr.querySelector('#ca-timeline-t')?.closest('svg');
    const rows = sr.querySelectorAll('#ca-timeline-table ~ tbody tr, table:has(#ca-timeline-table) tbody tr');
    return { role: svg?.getAttribute('role'), title: svg?.querySelector('title')?.textContent, rows: rows.length };
  });
  assert(chart.role === 'img' && chart.title === 'Timetable, month by month', 'no timetable chart: ' + JSON.stringify(chart));
  assert(chart.rows >= 4, 'the timetable table has too few stages: ' + chart.rows);
  await axe(page, 'results with the board paper');
  // The Word module is not fetched until asked for.
  const wordRequests = () => t.requests.filter((u) => u.includes('contract_advisor_docx'));
  assert(wordRequests().length === 0, 'the Word module was fetched before it was asked for');
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    root.getByRole('button', { name: 'Download board paper (Word)' }).click(),
  ]);
  assert(dl.suggestedFilename().endsWith('.docx'), 'download name: ' + dl.suggestedFilename());
  const bytes = readFileSync(await dl.path());
  assert(bytes.length > 10000 && bytes[0] === 0x50 && bytes[1] === 0x4b, `not a .docx (${bytes.length} bytes)`);
  assert(bytes.includes(Buffer.from('word/document.xml')), 'no word/document.xml in the download');
  assert(wordRequests().some((u) => u.endsWith('.wasm')), 'the Word module was not fetched from the page\'s own files');
  console.log(`  board paper: .docx ${bytes.length} bytes`);
  // Print: only the paper, on 2 to 4 A4 pages.
  await page.evaluate(() => { window.print = () => {}; });
  await root.getByRole('button', { name: 'Print the board paper' }).click();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => document.querySelector('contract-advisor').shadowRoot.querySelector('.ca-root').innerText.replace(/\s+/g, ' '));
  for (const x of ['1. Purpose and decision sought', '3. Options considered', '7. Procurement route and records', '9. Sources']) {
    assert(printed.includes(x), `the printed paper lacks “${x}”`);
  }
  for (const x of ['Why it may suit you', 'Download my answers', 'Print the board paper']) assert(!printed.includes(x), `“${x}” is printed with the paper`);
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  writeFileSync(`${OUT}/board-paper.pdf`, pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`  board paper: printed on ${pages} A4 pages (${pdf.length} bytes of PDF)`);
  assert(pages >= 2 && pages <= 4, `the printed board paper has ${pages} pages`);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  ownFilesOnly(t.requests, BASE);
  await noProblems(t);
  await t.context.close();
});

console.log(`e2e: total ${Math.round((Date.now() - started) / 1000)}s`);
await browser.close();
await server.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
