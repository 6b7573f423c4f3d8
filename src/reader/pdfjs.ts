/**
 * Loads pdf.js from the unmodified release files in pdfjs/ (copied there by build.mjs). They are
 * ES modules loaded at run time, not bundled: store reviewers can compare them with the npm
 * release byte for byte. pdf_viewer.mjs reads the library from `globalThis.pdfjsLib`, so the
 * library is loaded and published first.
 */
import type * as PdfJs from 'pdfjs-dist';
import type * as PdfViewer from 'pdfjs-dist/web/pdf_viewer.mjs';

export type Lib = typeof PdfJs;
export type ViewerLib = typeof PdfViewer;
export type PDFDocumentProxy = PdfJs.PDFDocumentProxy;

let loaded: Promise<{ lib: Lib; viewer: ViewerLib }> | null = null;

export function loadPdfjs(): Promise<{ lib: Lib; viewer: ViewerLib }> {
  loaded ??= (async () => {
    // Literal paths (kept external by build.mjs), so reviewers and web-ext lint see what loads.
    // @ts-expect-error: resolved at run time next to reader.js; the types come from pdfjs-dist.
    const lib = (await import('./pdfjs/pdf.mjs')) as Lib;
    (globalThis as unknown as { pdfjsLib: Lib }).pdfjsLib = lib;
    lib.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.mjs', location.href).href;
    // @ts-expect-error: as above.
    const viewer = (await import('./pdfjs/pdf_viewer.mjs')) as ViewerLib;
    return { lib, viewer };
  })();
  return loaded;
}

/**
 * Document options: no eval (pdf.js would otherwise compile font programs with `new Function`,
 * which the extension's CSP forbids anyway), no fetches of its own (the bytes are passed in; no
 * cmaps, standard fonts or wasm decoders are shipped: see build.mjs), no PDF JavaScript.
 */
export function documentOptions(data: Uint8Array): Parameters<Lib['getDocument']>[0] {
  return {
    data,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: true,
    disableFontFace: false,
    useWasm: false,
    stopAtErrors: false,
  } as Parameters<Lib['getDocument']>[0];
}
