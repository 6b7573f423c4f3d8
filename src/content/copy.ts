/**
 * Copying: when a selection holds our marks, the clipboard gets the page's own text and markup,
 * without them. The browser's rich copy would otherwise carry each mark (its data-iza, classes,
 * tabindex and dotted underline) into whatever the reader pastes into. Selections without our
 * marks, copies the page already handled, and copies from form fields are left to the browser.
 */
import { MARK_SELECTOR, isInsideExcluded } from './dom-rules';

export function installCopyCleaner(doc: Document, signal: AbortSignal): void {
  // Bubble phase on the document: the page's own handlers on its elements have run first.
  doc.addEventListener(
    'copy',
    (e) => {
      if (e.defaultPrevented || !e.clipboardData) return;
      const target = e.target as Node | null;
      if (target && isInsideExcluded(target)) return; // Inputs, editors, code: the browser's copy.
      const sel = doc.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
      const box = doc.createElement('div');
      for (let i = 0; i < sel.rangeCount; i++) box.append(sel.getRangeAt(i).cloneContents());
      const marks = box.querySelectorAll(MARK_SELECTOR);
      if (marks.length === 0) return;
      for (const m of marks) m.replaceWith(...m.childNodes);
      e.clipboardData.setData('text/plain', sel.toString());
      e.clipboardData.setData('text/html', box.innerHTML);
      e.preventDefault();
    },
    { signal },
  );
}
