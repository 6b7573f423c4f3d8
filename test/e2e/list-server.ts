/** A server for published glossary lists (issue 21) whose answers a test changes as it goes. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type ListHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ListServer {
  origin: string;
  /** Every request: path and its conditional headers. */
  log: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  set(path: string, handler: ListHandler): void;
  close(): Promise<void>;
}

/** A list body with an ETag; answers 304 to a request that names it. */
export function turtle(body: string, etag = `"${body.length}"`): ListHandler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/turtle; charset=utf-8', etag, 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }).end(body);
  };
}

export const status = (code: number, body = ''): ListHandler => (_req, res) => void res.writeHead(code, { 'content-type': 'text/plain' }).end(body);

export async function listServer(): Promise<ListServer> {
  const handlers = new Map<string, ListHandler>();
  const log: ListServer['log'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const entry: ListServer['log'][number] = { path };
    if (typeof req.headers['if-none-match'] === 'string') entry.ifNoneMatch = req.headers['if-none-match'];
    if (typeof req.headers['if-modified-since'] === 'string') entry.ifModifiedSince = req.headers['if-modified-since'];
    log.push(entry);
    const h = handlers.get(path);
    if (h) h(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    set: (path, handler) => void handlers.set(path, handler),
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** An organisation's list in NL-SBB Turtle: terms of a made-up municipality. */
export function orgList(name: string, terms: [id: string, label: string, definition: string][]): string {
  const concepts = terms.map(([id, label, def]) => `ex:${id} a skos:Concept ;\n  skos:prefLabel "${label}"@nl ;\n  skos:definition "${def}"@nl .\n`).join('\n');
  return `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n@prefix ex: <https://example.org/begrip/> .\n\n<https://example.org/schema> a skos:ConceptScheme ; dct:title "${name}"@nl .\n\n${concepts}`;
}
