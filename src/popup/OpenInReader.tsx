/**
 * "Open in IZA Begrippen" for a PDF in the browser's own viewer, where no rule sent it to the
 * reader. Chrome's content script reports the PDF (`stats.pdf`); Firefox's PDF viewer runs no
 * content script, so there a web tab that does not answer is offered it too (the reader says so
 * clearly if the address is no PDF after all).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { readerPath } from '../common/pdf-rule';
import type { PageStats } from '../common/messages';
import { t } from '../common/i18n';

export function OpenInReader({ tabId, stats }: { tabId: number | undefined; stats: PageStats | null | undefined }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    // The host permissions let the popup read the address of web tabs.
    if (tabId !== undefined) void browser.tabs.get(tabId).then((tab) => setUrl(tab.url ?? null)).catch(() => setUrl(null));
  }, [tabId]);
  if (stats === undefined || stats?.reader || !url || !/^(https?|file):/.test(url)) return null;
  if (!(stats?.pdf || stats === null || /\.pdf($|[?#])/i.test(url))) return null;
  const open = async () => {
    await browser.tabs.update(tabId, { url: browser.runtime.getURL(readerPath(url)) });
    window.close();
  };
  return (
    <p class="row">
      <button type="button" class="btn" id="open-in-reader" onClick={() => void open()}>{t('openInReader')}</button>
    </p>
  );
}
