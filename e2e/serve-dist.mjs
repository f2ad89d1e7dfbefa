// A plain static server for the release build in dist/, for the end-to-end
// tests. Unlike `trunk serve` it answers a missing file with 404, as a real
// static host does.
//
//   node serve-dist.mjs DIR PORT [BASE] [ENCODING]
//     BASE: serve under a sub-path, e.g. /redline/
//     ENCODING: gzip or br, to compress text files as a real host does
//
// Tests that need a server of their own (to stop it, or to switch it to
// another build) import serveDist instead.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

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
  '.woff2': 'font/woff2',
};

// What a host compresses: text and wasm. PNG and WOFF2 are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt']);

// At the levels a host precompresses static files with: gzip -9, brotli -q 11.
const compressors = {
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
  br: (body) => promisify(brotliCompress)(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }),
};

/** Whether the request's Accept-Encoding allows `coding` (a q=0 refuses it). */
function accepts(req, coding) {
  return (req.headers['accept-encoding'] ?? '').split(',').some((entry) => {
    const [name, ...params] = entry.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === coding || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Serves DIR under BASE on PORT (0: any free port). Resolves to
 * { url, setDir(dir), close(), sent, requests, whenQuiet(ms) }: setDir switches
 * to another build in place (same origin, so the same service worker
 * registration); close stops answering at once, open connections included;
 * `sent` maps each path to the number of full (200) responses and body bytes
 * sent (`bytes`, compressed if it was; `raw`, before compression); `requests`
 * maps each path to the number of requests, whatever the answer; whenQuiet(ms)
 * resolves once no request has been open or arrived for `ms`. With
 * `validators`, it sends an ETag and answers a matching If-None-Match with 304,
 * as most hosts do. With `encoding` ('gzip' or 'br'), it compresses text files
 * for a request that accepts that coding, as a host serving precompressed
 * files does: the compressed bytes are made once per file and coding.
 */
export function serveDist(dir, { port = 0, base = '/', validators = false, encoding = undefined } = {}) {
  if (encoding !== undefined && !compressors[encoding]) throw new Error(`unknown encoding ${encoding}: gzip or br`);
  let root = resolve(dir);
  const sent = new Map();
  const requests = new Map();
  const compressed = new Map(); // file + coding -> { stamp, body: Promise<Buffer> }
  let open = 0;
  let lastActivity = Date.now();
  const server = createServer(async (req, res) => {
    open += 1;
    lastActivity = Date.now();
    res.on('close', () => { open -= 1; lastActivity = Date.now(); });
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (!path.startsWith(base)) return send(res, 404, 'not under ' + base);
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return send(res, 403, 'forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const raw = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (validators) {
        headers.etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
        if (req.headers['if-none-match'] === headers.etag) {
          res.writeHead(304, headers);
          return res.end();
        }
      }
      let body = raw;
      if (encoding && COMPRESSIBLE.has(extname(file))) {
        headers.vary = 'Accept-Encoding';
        if (accepts(req, encoding)) {
          body = await compress(file, info, raw);
          headers['content-encoding'] = encoding;
        }
      }
      if (encoding) headers['content-length'] = body.length;
      res.writeHead(200, headers);
      const seen = sent.get(path) ?? { full: 0, bytes: 0, raw: 0 };
      sent.set(path, { full: seen.full + 1, bytes: seen.bytes + body.length, raw: seen.raw + raw.length });
      res.end(body);
    } catch {
      send(res, 404, 'not found');
    }
  });

  // A rebuilt file (another size or time) is compressed again.
  function compress(file, info, raw) {
    const key = `${file}\n${encoding}`;
    const stamp = `${info.size} ${info.mtimeMs}`;
    let entry = compressed.get(key);
    if (entry?.stamp !== stamp) {
      entry = { stamp, body: compressors[encoding](raw) };
      compressed.set(key, entry);
    }
    return entry.body;
  }

  function whenQuiet(ms) {
    return new Promise((done) => {
      const check = () => {
        const idleFor = Date.now() - lastActivity;
        if (open === 0 && idleFor >= ms) done();
        else setTimeout(check, open === 0 ? ms - idleFor : 50);
      };
      check();
    });
  }

  return new Promise((done) => server.listen(Number(port), '127.0.0.1', () => done({
    url: `http://127.0.0.1:${server.address().port}${base}`,
    setDir: (d) => { root = resolve(d); },
    sent,
    requests,
    whenQuiet,
    close: () => new Promise((closed) => { server.close(closed); server.closeAllConnections(); }),
  })));
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = '../dist', port = '4173', base = '/', encoding] = process.argv.slice(2);
  const { url } = await serveDist(dir, { port, base, encoding });
  console.log(`serving ${resolve(dir)} at ${url}${encoding ? ` (${encoding})` : ''}`);
}
