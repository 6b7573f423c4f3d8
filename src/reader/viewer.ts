/**
 * The PDF view: pdf.js's own viewer components (PDFViewer, EventBus, PDFLinkService,
 * PDFFindController) in the page's container, with page navigation, zoom, find, and keeping the
 * reader's place when the window is resized.
 */
import type { Lib, PDFDocumentProxy, ViewerLib } from './pdfjs';

type EventBus = InstanceType<ViewerLib['EventBus']>;
type PDFViewer = InstanceType<ViewerLib['PDFViewer']>;

export interface FindResult {
  current: number;
  total: number;
  state: 'found' | 'notfound' | 'pending' | 'wrapped';
}

export interface ViewerEvents {
  /** A page's text layer is in the DOM (again: pdf.js drops pages far from view and redraws them). */
  textLayer(pageNumber: number, layer: HTMLElement): void;
  /** Find highlighting rewrote the text layers of these pages (-1: all). */
  findRewrote(pageIndex: number): void;
  /** A page's canvas is drawn. */
  pageRendered(pageNumber: number): void;
  pageChanged(pageNumber: number, count: number): void;
  scaleChanged(value: string, scale: number): void;
  findResult(r: FindResult): void;
}

const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export class View {
  readonly bus: EventBus;
  readonly pdfViewer: PDFViewer;
  private readonly find: InstanceType<ViewerLib['PDFFindController']>;
  private lastQuery = '';
  private location: { pageNumber: number; top: number; left: number } | null = null;

  constructor(viewer: ViewerLib, lib: Lib, container: HTMLDivElement, on: ViewerEvents, signal: AbortSignal) {
    const bus = new viewer.EventBus();
    const linkService = new viewer.PDFLinkService({ eventBus: bus, externalLinkTarget: viewer.LinkTarget.BLANK, externalLinkRel: 'noopener noreferrer nofollow' });
    this.find = new viewer.PDFFindController({ eventBus: bus, linkService });
    this.pdfViewer = new viewer.PDFViewer({
      container,
      eventBus: bus,
      linkService,
      findController: this.find,
      textLayerMode: 1,
      // Forms are shown but not filled in: the reader does not save PDFs.
      annotationMode: lib.AnnotationMode.ENABLE,
      annotationEditorMode: lib.AnnotationEditorType.DISABLE,
      l10n: new viewer.GenericL10n(undefined as unknown as string),
    } as ConstructorParameters<ViewerLib['PDFViewer']>[0]);
    linkService.setViewer(this.pdfViewer);
    this.bus = bus;
    bus.on('textlayerrendered', (e: { pageNumber: number; source: { textLayer?: { div?: HTMLElement } } }) => {
      const div = e.source.textLayer?.div;
      if (div) on.textLayer(e.pageNumber, div);
    });
    bus.on('pagerendered', (e: { pageNumber: number }) => on.pageRendered(e.pageNumber));
    bus.on('updatetextlayermatches', (e: { pageIndex: number }) => on.findRewrote(e.pageIndex));
    bus.on('pagechanging', (e: { pageNumber: number }) => on.pageChanged(e.pageNumber, this.pdfViewer.pagesCount));
    bus.on('pagesinit', () => {
      this.pdfViewer.currentScaleValue = 'auto';
      on.pageChanged(1, this.pdfViewer.pagesCount);
    });
    bus.on('scalechanging', (e: { scale: number; presetValue?: string }) => on.scaleChanged(e.presetValue ?? String(e.scale), e.scale));
    bus.on('updateviewarea', (e: { location: { pageNumber: number; top: number; left: number } }) => {
      this.location = e.location;
    });
    bus.on('updatefindmatchescount', (e: { matchesCount: { current: number; total: number } }) =>
      on.findResult({ ...e.matchesCount, state: e.matchesCount.total > 0 ? 'found' : 'notfound' }));
    bus.on('updatefindcontrolstate', (e: { state: number; matchesCount: { current: number; total: number } }) => {
      const state = (['found', 'notfound', 'wrapped', 'pending'] as const)[e.state] ?? 'found';
      on.findResult({ ...e.matchesCount, state });
    });
    // Keep the place on resize: the page and the point within it stay at the top of the view.
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => this.keepPlace(), 60);
    });
    observer.observe(container);
    signal.addEventListener('abort', () => observer.disconnect());
  }

  setDocument(doc: PDFDocumentProxy): void {
    this.pdfViewer.setDocument(doc);
    (this.pdfViewer.linkService as { setDocument(d: PDFDocumentProxy): void }).setDocument(doc);
  }

  get pageCount(): number {
    return this.pdfViewer.pagesCount;
  }

  get page(): number {
    return this.pdfViewer.currentPageNumber;
  }

  goTo(pageNumber: number): void {
    const n = Math.min(Math.max(1, Math.round(pageNumber)), this.pageCount);
    if (Number.isFinite(n)) this.pdfViewer.currentPageNumber = n;
  }

  setZoom(value: string): void {
    this.pdfViewer.currentScaleValue = value;
  }

  zoom(dir: 1 | -1): void {
    const now = this.pdfViewer.currentScale;
    const next = dir > 0 ? ZOOM_STEPS.find((z) => z > now + 0.001) : [...ZOOM_STEPS].reverse().find((z) => z < now - 0.001);
    if (next !== undefined) this.pdfViewer.currentScale = next;
  }

  /** Finds `query` (pdf.js ignores case and diacritics, like the glossary search). */
  search(query: string, again: boolean, previous: boolean): void {
    const type = again && query === this.lastQuery ? 'again' : '';
    this.lastQuery = query;
    this.bus.dispatch('find', { source: this, type, query, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: previous, matchDiacritics: false });
  }

  closeSearch(): void {
    this.lastQuery = '';
    this.bus.dispatch('findbarclose', { source: this });
  }

  /** The page view's root element, if it exists. */
  pageElement(pageNumber: number): HTMLElement | null {
    const view = this.pdfViewer.getPageView(pageNumber - 1) as { div?: HTMLElement } | undefined;
    return view?.div ?? null;
  }

  private keepPlace(): void {
    const loc = this.location;
    if (!loc || this.pageCount === 0) return;
    const preset = this.pdfViewer.currentScaleValue;
    // Only fitted zooms change with the window; re-fit them, then go back to the same point.
    if (preset === 'auto' || preset === 'page-width' || preset === 'page-fit') this.pdfViewer.currentScaleValue = preset;
    this.pdfViewer.scrollPageIntoView({ pageNumber: loc.pageNumber, destArray: [null, { name: 'XYZ' }, loc.left, loc.top, null], allowNegativeOffset: true });
  }
}
