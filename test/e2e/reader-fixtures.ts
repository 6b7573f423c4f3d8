/** The PDFs the reader's e2e tests serve from 127.0.0.1, generated with pdfkit on each run. */
// @ts-expect-error: plain .mjs helper without types
import { damagedPdf, notPdf, policyPdf, scanPdf } from '../tools/make-pdfs.mjs';

type Route = { body: string | Buffer; headers?: Record<string, string> };
const pdf = (body: Buffer): Route => ({ body, headers: { 'content-type': 'application/pdf' } });

/** A policy host mapped to 127.0.0.1 by the test browser (Chromium host rules, Firefox DNS pref). */
export const POLICY_HOST = 'www.rijksoverheid.nl';

export async function readerRoutes(): Promise<Record<string, Route>> {
  const brief = (await policyPdf({ pages: 3 })) as Buffer;
  return {
    '/docs/brief.pdf': pdf(brief),
    // A download address without an extension: only the Content-Type says PDF.
    '/download': pdf(brief),
    '/docs/long.pdf': pdf((await policyPdf({ pages: 14, title: 'Lange brief' })) as Buffer),
    '/docs/protected.pdf': pdf((await policyPdf({ pages: 1, password: 'geheim', title: 'Beveiligde brief' })) as Buffer),
    '/docs/damaged.pdf': pdf(damagedPdf() as Buffer),
    '/docs/not-a-pdf.pdf': pdf(notPdf() as Buffer),
    '/docs/scan.pdf': pdf((await scanPdf()) as Buffer),
    '/docs/login.pdf': { body: '<!doctype html><title>Inloggen</title><form>Log in</form>', headers: { 'content-type': 'text/html; charset=utf-8' } },
    // Says it is 300 MB; the reader must ask before reading it.
    '/docs/huge.pdf': { body: brief, headers: { 'content-type': 'application/pdf', 'content-length': String(300 * 1024 * 1024) } },
  };
}

/** Every bad input, with the message kind the reader must show (data-kind on #message). */
export const BAD_INPUTS: [name: string, path: string, kind: string][] = [
  ['a 404', '/docs/missing.pdf', 'not-found'],
  ['a login wall', '/docs/login.pdf', 'login'],
  ['a damaged file', '/docs/damaged.pdf', 'damaged'],
  ['a file that is not a PDF', '/docs/not-a-pdf.pdf', 'not-pdf'],
  ['a very large file', '/docs/huge.pdf', 'large'],
  ['a password-protected PDF', '/docs/protected.pdf', 'password'],
];

/** A port nothing listens on: the network error case. */
export const DEAD_URL = 'http://127.0.0.1:9/docs/brief.pdf';
