/**
 * The toolbar and the reader's keys: pages, zoom, find, download, print, the original address,
 * opening a local file (picker and drag-and-drop).
 */
import { t } from '../common/i18n';
import { $ } from './ui';
import type { FindResult, View } from './viewer';

export interface ToolbarHost {
  view(): View | null;
  /** The original file, for download and print. */
  blob(): { url: string; name: string } | null;
  openFile(file: File): void;
  openOriginal(): void;
}

export function installToolbar(host: ToolbarHost, signal: AbortSignal): void {
  const on = <K extends keyof HTMLElementEventMap>(id: string, type: K, fn: (e: HTMLElementEventMap[K]) => void) =>
    $(id).addEventListener(type, fn as EventListener, { signal });
  const view = host.view;
  const pageInput = $<HTMLInputElement>('page-number');
  const findInput = $<HTMLInputElement>('find-input');

  on('prev-page', 'click', () => view()?.goTo(view()!.page - 1));
  on('next-page', 'click', () => view()?.goTo(view()!.page + 1));
  on('page-number', 'change', () => view()?.goTo(Number(pageInput.value)));
  on('zoom-in', 'click', () => view()?.zoom(1));
  on('zoom-out', 'click', () => view()?.zoom(-1));
  on('zoom-select', 'change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    if (v !== 'custom') view()?.setZoom(v);
  });
  on('find', 'submit', (e) => {
    e.preventDefault();
    if (findInput.value) view()?.search(findInput.value, true, false);
  });
  on('find-input', 'input', () => (findInput.value ? view()?.search(findInput.value, false, false) : view()?.closeSearch()));
  on('find-input', 'keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      view()?.search(findInput.value, true, true);
    } else if (e.key === 'Escape') {
      findInput.value = '';
      view()?.closeSearch();
      $('viewer-container').focus();
    }
  });
  on('find-prev', 'click', () => findInput.value && view()?.search(findInput.value, true, true));
  on('download', 'click', () => {
    const b = host.blob();
    if (!b) return;
    const a = document.createElement('a');
    a.href = b.url;
    a.download = b.name.toLowerCase().endsWith('.pdf') ? b.name : `${b.name}.pdf`;
    a.click();
  });
  on('print', 'click', () => printOriginal(host.blob()?.url ?? null));
  on('original', 'click', (e) => {
    e.preventDefault();
    host.openOriginal();
  });
  const fileInput = $<HTMLInputElement>('file-input');
  const pick = () => fileInput.click();
  on('open-file', 'click', pick);
  on('empty-open', 'click', pick);
  on('file-input', 'change', () => {
    const f = fileInput.files?.[0];
    if (f) host.openFile(f);
    fileInput.value = '';
  });
  installDrop(host, signal);
  installMenu(signal);

  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      findInput.focus();
      findInput.select();
    } else if (mod && (e.key === '+' || e.key === '=')) {
      e.preventDefault();
      view()?.zoom(1);
    } else if (mod && e.key === '-') {
      e.preventDefault();
      view()?.zoom(-1);
    } else if (mod && e.key === '0') {
      e.preventDefault();
      view()?.setZoom('auto');
    } else if (mod && e.key.toLowerCase() === 'p' && host.blob()) {
      e.preventDefault();
      printOriginal(host.blob()?.url ?? null);
    }
  }, { signal });
}

export function showPage(n: number, count: number): void {
  const input = $<HTMLInputElement>('page-number');
  input.value = String(n);
  input.max = String(count);
  $('page-count').textContent = t('readerOf', String(count));
}

export function showScale(value: string, scale: number): void {
  const select = $<HTMLSelectElement>('zoom-select');
  const custom = $<HTMLOptionElement>('zoom-custom');
  const preset = [...select.options].find((o) => o.value === value && o !== custom);
  custom.hidden = preset !== undefined;
  custom.textContent = `${Math.round(scale * 100)}%`;
  select.value = preset ? value : 'custom';
}

export function showFind(r: FindResult): void {
  const el = $('find-status');
  el.dataset.state = r.state;
  el.textContent = r.state === 'notfound' ? t('readerFindNone') : r.total > 0 ? t('readerFindCount', String(r.current), String(r.total)) : '';
}

/**
 * Prints the original file, not the rendered pages (pdf.js renders only those near the view): the
 * browser's own PDF handling prints it from a hidden frame.
 */
function printOriginal(url: string | null): void {
  if (!url) return;
  document.getElementById('print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'print-frame';
  frame.hidden = true;
  frame.src = url;
  frame.addEventListener('load', () => {
    try {
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank', 'noopener');
    }
  }, { once: true });
  document.body.append(frame);
}

/**
 * The phone's menu (below 600 px, reader.css): #more opens and closes it; a chosen action, Escape
 * or a tap outside the toolbar closes it (find stays open while it is used).
 */
function installMenu(signal: AbortSignal): void {
  const bar = $('toolbar');
  const more = $('more');
  const isOpen = () => bar.dataset.menu === 'open';
  const set = (open: boolean) => {
    bar.dataset.menu = open ? 'open' : '';
    more.setAttribute('aria-expanded', String(open));
  };
  more.addEventListener('click', () => set(!isOpen()), { signal });
  $('menu').addEventListener('click', (e) => {
    const el = e.target as Element;
    if (el.closest('button, a') && !el.closest('#find')) set(false);
  }, { signal });
  document.addEventListener('pointerdown', (e) => {
    if (isOpen() && !bar.contains(e.target as Node)) set(false);
  }, { signal, passive: true });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !isOpen()) return;
    set(false);
    more.focus();
  }, { signal });
}

function installDrop(host: ToolbarHost, signal: AbortSignal): void {
  const drop = $('drop');
  let depth = 0;
  const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
  const opts = { signal };
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    drop.hidden = false;
  }, opts);
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) drop.hidden = true;
  }, opts);
  document.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  }, opts);
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    const f = e.dataTransfer?.files[0];
    if (f) host.openFile(f);
  }, opts);
}
