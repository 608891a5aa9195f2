// Offline dependency licence check: every Rust crate built (from `cargo tree --offline`) and every
// npm package in node_modules must carry a licence on the allow-list. Prints a summary; exits 1 on any problem.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

// Permissive licences compatible with publishing the widget under MIT.
const ALLOWED = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'Zlib', 'Unicode-3.0',
  'Unicode-DFS-2016', 'BSL-1.0', 'CC0-1.0', 'Unlicense', '0BSD', 'MIT-0', 'Apache-2.0 WITH LLVM-exception']);

// Development tools that are never shipped with the widget may also be weak copyleft (file-level) licences.
const TOOLS_ALSO = new Set(['MPL-2.0']);

/** True when an SPDX expression can be satisfied by allowed licences (OR: any side; AND: both sides). */
function allowed(expr, tool = false) {
  if (!expr) return false;
  const ok = part => ALLOWED.has(part) || (tool && TOOLS_ALSO.has(part));
  const e = expr.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  return e.split(/ OR |\//).some(alt => alt.split(' AND ').every(part => ok(part.trim())));
}

const problems = [];
const seen = new Map();

// Every crate built here: for this machine (the command line, tests) and for the browser (wasm32).
// Crates in the wasm build ship inside the widget and must be permissive; host-only crates are tools.
const wasmCrates = new Set();
for (const shipped of [true, false]) {
  const args = shipped ? ['--target', 'wasm32-unknown-unknown', '-e', 'normal'] : ['-e', 'normal,build,dev'];
  const out = execFileSync('cargo', ['tree', '--offline', '--locked', '--prefix', 'none', '--format', '{p}|{l}', ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of out.split('\n')) {
    const [pkg, lic = ''] = line.split('|');
    if (!pkg || pkg.includes('(*)') || seen.has(`crate ${pkg}`)) continue;
    seen.set(`crate ${pkg}`, lic.trim());
    if (pkg.includes('(/')) continue; // this project itself (a path dependency)
    if (shipped) wasmCrates.add(pkg);
    if (!allowed(lic.trim(), !wasmCrates.has(pkg))) problems.push(`crate ${pkg}: licence "${lic.trim() || 'none'}" is not on the allow-list`);
  }
}

function npmPackages(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.startsWith('@')) { npmPackages(path); continue; }
    const pj = join(path, 'package.json');
    if (!existsSync(pj)) continue;
    const p = JSON.parse(readFileSync(pj, 'utf8'));
    const lic = typeof p.license === 'string' ? p.license : (p.license && p.license.type) || '';
    seen.set(`npm ${p.name} ${p.version}`, lic);
    // npm packages here are development tools (bundler, browser driver, accessibility checker), never shipped.
    if (!allowed(lic, true)) problems.push(`npm ${p.name} ${p.version}: licence "${lic || 'none'}" is not on the allow-list`);
    npmPackages(join(path, 'node_modules'));
  }
}
npmPackages('node_modules');

const counts = {};
for (const lic of seen.values()) counts[lic] = (counts[lic] || 0) + 1;
console.log(`licences: ${seen.size} packages checked offline (${wasmCrates.size} crates ship in the widget)`);
for (const [lic, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${lic}`);
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(`licences: ${seen.size - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
