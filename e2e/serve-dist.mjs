// A plain static server for the release build in dist/, for the end-to-end
// tests. Unlike `trunk serve` it answers a missing file with 404, as a real
// static host does.
//
//   node serve-dist.mjs DIR PORT [BASE]     BASE: serve under a sub-path, e.g. /redline/
//
// Tests that need a server of their own (to stop it, or to switch it to
// another build) import serveDist instead.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves DIR under BASE on PORT (0: any free port). Resolves to
 * { url, setDir(dir), close(), sent }: setDir switches to another build in
 * place (same origin, so the same service worker registration); close stops
 * answering at once, open connections included; `sent` maps each path to the
 * number of full (200) responses and body bytes sent. With `validators`, it
 * sends an ETag and answers a matching If-None-Match with 304, as most hosts do.
 */
export function serveDist(dir, { port = 0, base = '/', validators = false } = {}) {
  let root = resolve(dir);
  const sent = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (!path.startsWith(base)) return send(res, 404, 'not under ' + base);
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return send(res, 403, 'forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (validators) {
        headers.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        if (req.headers['if-none-match'] === headers.etag) {
          res.writeHead(304, headers);
          return res.end();
        }
      }
      res.writeHead(200, headers);
      const seen = sent.get(path) ?? { full: 0, bytes: 0 };
      sent.set(path, { full: seen.full + 1, bytes: seen.bytes + body.length });
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  });
  return new Promise((done) => server.listen(Number(port), '127.0.0.1', () => done({
    url: `http://127.0.0.1:${server.address().port}${base}`,
    setDir: (d) => { root = resolve(d); },
    sent,
    close: () => new Promise((closed) => { server.close(closed); server.closeAllConnections(); }),
  })));
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = '../dist', port = '4173', base = '/'] = process.argv.slice(2);
  const { url } = await serveDist(dir, { port, base });
  console.log(`serving ${resolve(dir)} at ${url}`);
}
