import { render } from 'preact';
import { Popup } from './Popup';
import { uiLanguage } from '../common/i18n';

document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app') as HTMLElement);
