import { render } from 'preact';
import { Popup } from './Popup';
import { setUiLanguage, uiLanguage } from '../common/i18n';
import { loadSettings } from '../common/storage';

/**
 * Shown as a full page (Firefox for Android opens the popup in a tab; `popup.html?tab=N` in a tab
 * here), the popup takes the page's width instead of the toolbar popup's fixed one (ui.css).
 */
function asToolbarPopup(): boolean {
  const g = globalThis as unknown as { browser?: typeof chrome; chrome?: typeof chrome };
  try {
    return (g.browser ?? g.chrome)?.extension?.getViews?.({ type: 'popup' }).includes(window) ?? false;
  } catch {
    return false;
  }
}

document.documentElement.classList.toggle('full-page', !asToolbarPopup());
// The UI language may be chosen in the options: read it before the first render.
void loadSettings().then((s) => {
  setUiLanguage(s.uiLanguage);
  document.documentElement.lang = uiLanguage();
  render(<Popup />, document.getElementById('app') as HTMLElement);
});
