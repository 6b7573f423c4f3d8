import { render } from 'preact';
import { Options } from './Options';
import { uiLanguage } from '../common/i18n';

document.documentElement.lang = uiLanguage();
render(<Options />, document.getElementById('app') as HTMLElement);
