import { render } from 'preact';
import { Options } from './Options';
import { uiLanguage } from '../common/i18n';

// The UI language chosen in the options is applied once the settings are read (LanguageOption.tsx).
document.documentElement.lang = uiLanguage();
render(<Options />, document.getElementById('app') as HTMLElement);
