/**
 * Fetching a published list (issue 21) against a real HTTP server on 127.0.0.1: every bad answer
 * is a problem to show (the caller keeps the last good copy), a good one gives the terms.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('virtual:everyday', () => ({ EVERYDAY: 'zorg wijk plan' }));
const { fetchList, urlProblem } = await import('../../src/common/list-fetch');

const TTL = `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/b/> .
ex:stadsteam a skos:Concept ; skos:prefLabel "Stadsteam Zuid"@nl ; skos:definition "Het team van de gemeente voor geld en werk."@nl .
`;

let server: Server;
let origin = '';
let other = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ok.ttl') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'text/turtle', etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }).end(TTL);
    }
    if (path === '/404.ttl') return void res.writeHead(404).end('weg');
    if (path === '/503.ttl') return void res.writeHead(503).end('druk');
    if (path === '/html.ttl') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Inloggen</body></html>');
    if (path === '/bad.ttl') return void res.writeHead(200, { 'content-type': 'text/turtle' }).end('@prefix skos: <x> .\nex:a skos:prefLabel "kapot ;;');
    if (path === '/big.ttl') {
      res.writeHead(200, { 'content-type': 'text/turtle' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', more);
      };
      res.on('close', () => (sent = 50));
      return more();
    }
    if (path === '/slow.ttl') return void setTimeout(() => res.writeHead(200, { 'content-type': 'text/turtle' }).end(TTL), 3000);
    if (path === '/elsewhere.ttl') return void res.writeHead(302, { location: `${other}/ok.ttl` }).end();
    if (path === '/moved.ttl') return void res.writeHead(301, { location: '/ok.ttl' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
  other = `http://localhost:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('list addresses', () => {
  it('https only, except http://localhost and http://127.0.0.1', () => {
    expect(urlProblem('https://example.org/l.ttl')).toBeNull();
    expect(urlProblem('http://127.0.0.1:8080/l.ttl')).toBeNull();
    expect(urlProblem('http://localhost/l.ttl')).toBeNull();
    expect(urlProblem('http://example.org/l.ttl')?.code).toBe('badUrl');
    expect(urlProblem('ftp://example.org/l.ttl')?.code).toBe('badUrl');
    expect(urlProblem('geen adres')?.code).toBe('badUrl');
  });
});

describe('fetchList', () => {
  it('a good list: its terms, with ETag and Last-Modified kept; then 304 keeps it', async () => {
    const out = await fetchList(`${origin}/ok.ttl`);
    expect(out.kind).toBe('updated');
    if (out.kind !== 'updated') return;
    expect(out.terms.map((t) => t.term)).toEqual(['Stadsteam Zuid']);
    expect(out.state.etag).toBe('"v1"');
    expect(out.state.lastModified).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    const again = await fetchList(`${origin}/ok.ttl`, out.state);
    expect(again.kind).toBe('unchanged');
  });
  it('404 and 503', async () => {
    for (const [path, code] of [['/404.ttl', '404'], ['/503.ttl', '503']]) {
      const out = await fetchList(`${origin}${path}`, { lastSuccess: '2026-12-01T00:00:00Z' });
      expect(out.kind).toBe('failed');
      if (out.kind === 'failed') {
        expect(out.problem).toEqual({ code: 'httpStatus', detail: code });
        expect(out.state.lastSuccess).toBe('2026-12-01T00:00:00Z');
      }
    }
  });
  it('HTML instead of Turtle, and broken Turtle', async () => {
    expect((await fetchList(`${origin}/html.ttl`)).kind === 'failed').toBe(true);
    const bad = await fetchList(`${origin}/bad.ttl`);
    expect(bad.kind === 'failed' && bad.problem.code).toBe('syntax');
  });
  it('a 50 MB body is cut off at the cap', async () => {
    const out = await fetchList(`${origin}/big.ttl`);
    expect(out.kind === 'failed' && out.problem.code).toBe('tooBig');
  });
  it('a server too slow to answer: timeout', async () => {
    const out = await fetchList(`${origin}/slow.ttl`, {}, undefined, 500);
    expect(out.kind === 'failed' && out.problem.code).toBe('timeout');
  });
  it('a redirect to another host is refused; one on the same origin is followed', async () => {
    const out = await fetchList(`${origin}/elsewhere.ttl`);
    expect(out.kind === 'failed' && out.problem.code).toBe('redirect');
    expect((await fetchList(`${origin}/moved.ttl`)).kind).toBe('updated');
  });
  it('a remote http: and an ftp: address are never fetched', async () => {
    expect((await fetchList('http://example.org/l.ttl')).kind).toBe('failed');
    expect((await fetchList('ftp://example.org/l.ttl')).kind).toBe('failed');
  });
});
