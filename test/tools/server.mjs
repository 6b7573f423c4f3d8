// A static file server on 127.0.0.1 for the fixture pages. Routes ending in a known path can
// set extra headers (the strict-CSP page) or be generated (large pages).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * Starts serving `root`. `routes` maps a path to { body, headers, parts } or a function returning
 * that; `parts` ([{ delay, body }]) are written one by one, each after its delay, before `body`.
 */
export async function serve(root, routes = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const route = routes[url.pathname];
    if (route) {
      const r = typeof route === 'function' ? await route(url) : route;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...r.headers });
      // A page that arrives in parts: each part after its delay (a slow server, a streamed render).
      for (const part of r.parts ?? []) {
        await new Promise((done) => setTimeout(done, part.delay ?? 0));
        res.write(part.body);
      }
      res.end(r.body ?? '');
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname))).replace(/\/$/, '/index.html');
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
      if (path.endsWith('.csp.html')) headers['content-security-policy'] = "default-src 'none'; style-src 'none'";
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}
