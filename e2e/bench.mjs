// Benchmark (not a test): prints the widget's size and speed figures, measured on the built site in dist/site.
// Run through scripts/bench, which builds first. With --record it also rewrites PERFORMANCE.md.
//
//   sizes        .wasm raw and gzip (both modules); gzip bytes the browser fetched before the first question was
//                interactive; the content's own gzip size and the ratio
//   load         navigation → first question interactive, median of N cold loads (new browser context each)
//   recompute    one answer changed, scores recomputed, in WebAssembly in the browser (median and p99 over
//                batches, because browsers coarsen timers) and natively (median and p99 per call)
//   memory       peak WebAssembly memory after a whole journey, the recommendation and the reports
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { serve } from './server.mjs';

const SITE = resolve('dist/site');
const LOADS = Number(process.env.BENCH_LOADS || 15);
const RECORD = process.argv.includes('--record');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))]; };

const figures = [];
const say = (name, value, target = '') => { figures.push({ name, value, target }); console.log(`${name}: ${value}${target ? `   (target ${target})` : ''}`); };

// ---- sizes on disk
const first = readFileSync(join(SITE, 'pkg/contract_advisor_lite_bg.wasm'));
const full = readFileSync(join(SITE, 'pkg/contract_advisor_bg.wasm'));
say('first-stage .wasm', `${first.length} B raw, ${gz(first)} B gzip`);
say('full .wasm', `${full.length} B raw, ${gz(full)} B gzip`);

function contentFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? contentFiles(p) : n.endsWith('.json') ? [p] : [];
  }).sort();
}
const content = Buffer.concat(contentFiles(resolve('src/data')).map((p) => Buffer.from(JSON.stringify(JSON.parse(readFileSync(p, 'utf8'))))));
const contentGz = gz(content);
say('content (all JSON, minified)', `${content.length} B raw, ${contentGz} B gzip`);

// ---- browser measurements
const server = await serve(SITE);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const inShadow = (sel) => `document.querySelector('contract-advisor')?.shadowRoot?.querySelector(${JSON.stringify(sel)})`;

/**
 * One cold load of `path` (a new browser context each time). Returns the time of the element's
 * `contract-advisor:interactive` mark (its first screen rendered with handlers attached), the time from pressing
 * "Start now" to the first question's inputs (when the first screen is the start page), and the paths fetched
 * before the first question was interactive.
 */
async function coldLoad(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  let cutoff = Infinity;
  page.on('requestfinished', (r) => { if (Date.now() <= cutoff) fetched.push(new URL(r.url()).pathname); });
  await page.goto(server.url + path);
  await page.waitForFunction(() => performance.getEntriesByName('contract-advisor:interactive').length > 0, null, { timeout: 30000 });
  const mark = await page.evaluate(() => { const m = performance.getEntriesByName('contract-advisor:interactive')[0]; return { at: m.startTime, screen: m.detail }; });
  let toQuestion = 0;
  if (mark.screen === 'start') {
    toQuestion = await page.evaluate(async () => {
      const root = document.querySelector('contract-advisor').shadowRoot;
      const t = performance.now();
      [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Start now').click();
      while (!root.querySelector('[data-question-id] input')) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t;
    });
  }
  cutoff = Date.now();
  await context.close();
  return { at: mark.at, toQuestion, fetched };
}

// A page like index.html whose element opens straight on the first question (start="question").
writeFileSync(join(SITE, 'first-question.html'), readFileSync(join(SITE, 'index.html'), 'utf8').replace('<contract-advisor link-state>', '<contract-advisor start="question">'));
await coldLoad(''); // warm the disk cache, not the browser (each load has a new context)
const starts = [], direct = [];
for (let i = 0; i < LOADS; i++) { starts.push(await coldLoad('')); direct.push(await coldLoad('first-question.html')); }
const paths = [...new Set(starts[0].fetched)];
let before = 0;
const rows = [];
for (const p of paths) {
  const file = join(SITE, p.endsWith('/') ? p + 'index.html' : p);
  if (!existsSync(file)) continue;
  const n = gz(readFileSync(file));
  before += n;
  rows.push(`${p} ${n}`);
}
console.log('  fetched before the first question (start page, then Start now): ' + rows.join(', '));
say('gzip bytes before the first question is interactive', `${before} B (${kb(before)})`, '≤ 90 KB');
say('those bytes / content gzip', `${(before / contentGz).toFixed(2)}×`, '≤ 3×');
say(`navigation → first question interactive, page opening on the question (median of ${LOADS} cold loads)`,
  `${median(direct.map((l) => l.at)).toFixed(0)} ms (p90 ${pct(direct.map((l) => l.at), 0.9).toFixed(0)} ms)`, '< 150 ms');
say(`index.html: navigation → start page interactive, then Start now → first question (medians of ${LOADS})`,
  `${median(starts.map((l) => l.at)).toFixed(0)} ms + ${median(starts.map((l) => l.toQuestion)).toFixed(0)} ms`);

// Recompute and memory, on a page that talks to the package directly.
// The site ships the glue bundled; the bench page imports the package's own glue, copied next to the .wasm.
writeFileSync(join(SITE, 'pkg/contract_advisor.js'), readFileSync(resolve('pkg/contract_advisor.js')));
writeFileSync(join(SITE, 'bench.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><script type="module" src="bench.js"></script></head><body></body></html>');
writeFileSync(join(SITE, 'bench.js'), `
import init, { Advisor } from './pkg/contract_advisor.js';
const answers = ${readFileSync(resolve('e2e/fixtures/risky-plan.json'), 'utf8')};
const w = await init({ module_or_path: new URL('./pkg/contract_advisor_bg.wasm', import.meta.url) });
let peak = w.memory.buffer.byteLength;
const a = new Advisor();
const file = JSON.stringify({ format: 'integrated-care-contract-advisor/answers', version: 1, answers });
const r = a.importFile(file); if (!r.ok) throw new Error(JSON.stringify(r.errors));
a.recommend(); a.reportMarkdown(); a.reportJson(); a.catalogue();
peak = Math.max(peak, w.memory.buffer.byteLength);
a.benchRecompute(2000);
const BATCH = 200, per = [];
for (let i = 0; i < 300; i++) { const t = performance.now(); a.benchRecompute(BATCH); per.push((performance.now() - t) * 1000 / BATCH); }
const full = [];
for (let i = 0; i < 50; i++) { const t = performance.now(); a.recommend(); full.push(performance.now() - t); }
peak = Math.max(peak, w.memory.buffer.byteLength);
window.__bench = { per, full, peak };
`);
{
  const page = await browser.newPage();
  await page.goto(server.url + 'bench.html');
  await page.waitForFunction(() => window.__bench, null, { timeout: 60000 });
  const b = await page.evaluate(() => window.__bench);
  say('recompute after one answer change, WebAssembly in Chromium', `median ${median(b.per).toFixed(2)} µs, p99 ${pct(b.per, 0.99).toFixed(2)} µs (per call, ${b.per.length} batches of 200)`, '< 100 µs median');
  say('full explained recommendation in Chromium (with what-if, to plain objects)', `median ${median(b.full).toFixed(1)} ms, p99 ${pct(b.full, 0.99).toFixed(1)} ms`);
  say('peak WebAssembly memory (full module, journey + recommendation + reports)', `${b.peak} B (${(b.peak / 1048576).toFixed(2)} MiB)`);
}
await browser.close();
await server.close();

const native = execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '--example', 'recompute'], { encoding: 'utf8' }).trim().split('\n');
for (const line of native) {
  const [name, value] = line.split(': ');
  say(name, value, name.includes('one answer') ? '' : '');
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() || 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, ${execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim().split(' ').slice(0, 2).join(' ')}, Node ${process.version}`;
console.log(`machine: ${machine}`);
if (RECORD) {
  const lines = figures.map((f) => `| ${f.name} | ${f.value} | ${f.target || '—'} |`).join('\n');
  writeFileSync('PERFORMANCE.md', `# Performance and size

Measured by \`scripts/bench\` (a benchmark, not a test) on ${new Date().toISOString().slice(0, 10)}.

Machine: ${machine}.

| figure | measured | target |
|---|---|---|
${lines}

How each is measured (details at the top of \`e2e/bench.mjs\`):

- Loads are cold: a new browser context each time (empty cache), served from 127.0.0.1. "Interactive" is the
  element's \`contract-advisor:interactive\` performance mark: its first screen is in the page with its handlers
  attached. "Page opening on the question" is index.html with \`<contract-advisor start="question">\`; on
  index.html itself the first screen is the start page, and the first question follows "Start now".
- Bytes before the first question: every file the browser fetched from navigation until the first question was
  interactive (via the start page), each counted at its gzip -9 size. The full module is fetched later, once a
  question is showing and the browser is idle. "Content" is every file in \`src/data/\`, minified.
- Browser timings of the recompute are per call, from batches of 200 calls, because browsers coarsen their timers;
  the native ones are per call. The recompute is one changed answer: branching, all scores and both leaders.
- Memory is the full module's WebAssembly memory after a whole journey, the recommendation and both reports.

Timings on this shared 2-core machine vary by ±20% between runs. Re-run \`scripts/bench --record\` after changes
that could move these figures, and commit the result.
`);
  console.log('bench: PERFORMANCE.md written');
}
