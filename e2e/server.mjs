// A small static file server for the end-to-end tests: serves a folder on 127.0.0.1 with correct MIME types
// (application/wasm for .wasm), optional extra response headers per path (for the strict CSP host page), and a
// log of every request so tests can prove the page asks for nothing but its own files.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Starts a server for `root`. `headers(path)` may return extra headers for a request path.
 * @param {string} root
 * @param {{ port?: number, headers?: (path: string) => Record<string, string> }} [options]
 */
export async function serve(root, options = {}) {
  const base = resolve(root);
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    log.push(url.pathname);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const extra = options.headers ? options.headers(url.pathname) : {};
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] || 'application/octet-stream', ...extra });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(options.port || 0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () => new Promise((done) => server.close(done)),
  };
}
