// pkg/ as an npm package: installed by name into a throwaway project (no registry involved: a file: dependency),
// both entry points import and work in Node, and the TypeScript declarations describe the Advisor and the shapes
// it returns. Prints "package: N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PKG = resolve('pkg');
let passed = 0, failed = 0;
function check(name, fn) {
  try { fn(); passed++; console.log(`ok   ${name}`); } catch (e) { failed++; console.log(`FAIL ${name}: ${e && e.stack || e}`); }
}
function assert(c, msg) { if (!c) throw new Error(msg); }

const meta = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'contract-advisor-package-'));
try {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module', dependencies: { [meta.name]: `file:${PKG}` } }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'pipe' });

  check('the package installs by name and declares its entry points and types', () => {
    assert(meta.name === 'contract-advisor' && meta.types === 'contract_advisor.d.ts', 'package.json fields');
    for (const f of meta.files) readFileSync(join(dir, 'node_modules', meta.name, f));
  });

  check('both entry points work in Node: answer, recommend, share link', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import { initSync, Advisor } from '${meta.name}';
      import { initSync as initFirst, Advisor as First } from '${meta.name}/first-stage';
      const require = createRequire(import.meta.url);
      initSync({ module: readFileSync(require.resolve('${meta.name}/contract_advisor_bg.wasm')) });
      initFirst({ module: readFileSync(require.resolve('${meta.name}/contract_advisor_lite_bg.wasm')) });
      const first = new First();
      if (!first.answer('q-segment', 'pathway').ok) throw new Error('first stage refused an answer');
      const full = new Advisor();
      if (!full.openLink(first.linkFragment()).ok) throw new Error('the full advisor refused the first stage\\'s link');
      const rec = full.recommend();
      if (rec.vehicles.length < 8 || !rec.vehicles[0].reasons.length) throw new Error('no explained recommendation');
      if (typeof first.recommend === 'function') throw new Error('the first stage should not carry the engine');
      console.log(JSON.stringify({ leader: rec.vehicles[0].id, sources: rec.sources.length }));`;
    writeFileSync(join(dir, 'use.mjs'), script);
    const out = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: dir, encoding: 'utf8' }));
    assert(out.leader && out.sources > 0, 'unexpected output ' + JSON.stringify(out));
  });

  check('the TypeScript declarations describe the Advisor and every shape it returns', () => {
    const dts = readFileSync(join(dir, 'node_modules', meta.name, 'contract_advisor.d.ts'), 'utf8');
    for (const want of ['export class Advisor', 'recommend(): any', 'export interface Recommendation', 'export interface ModelResult',
      'export interface ProcurementView', 'export interface WhatIfView', 'export type AnswerResult']) {
      assert(dts.includes(want), `contract_advisor.d.ts lacks “${want}”`);
    }
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`package: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
