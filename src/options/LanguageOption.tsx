/**
 * The UI language: the browser's (Dutch for a browser in Dutch, English otherwise), or one chosen
 * here. Each choice names its language in that language (an endonym, marked with its `lang`), as
 * language menus do; every other label is in the UI language only.
 */
import { setUiLanguage, t, uiLanguage } from '../common/i18n';
import type { UiLanguage } from '../common/settings';
import { L } from './fields';

/** Makes the page speak the chosen language: strings, `lang`, and the tab's title. */
export function applyUiLanguage(choice: UiLanguage): void {
  setUiLanguage(choice);
  document.documentElement.lang = uiLanguage();
  document.title = t('optionsTitle');
}

const CHOICES: [UiLanguage, string | null][] = [['auto', null], ['nl', 'Nederlands'], ['en', 'English']];

export function LanguageOption({ current, pick }: { current: UiLanguage; pick: (v: UiLanguage) => void }) {
  return (
    <fieldset id="ui-language">
      <legend><L nl="Taal van IZA Begrippen" en="Language of IZA Begrippen" /></legend>
      {CHOICES.map(([value, name]) => (
        <label>
          <input type="radio" name="ui-language" value={value} checked={current === value} onChange={() => pick(value)} />{' '}
          {name === null ? <L nl="Zoals de browser (Nederlands als de browser Nederlands is, anders Engels)" en="As the browser (Dutch if the browser is in Dutch, English otherwise)" /> : <span lang={value}>{name}</span>}
        </label>
      ))}
      <p class="hint"><L nl="Voor knoppen, menu’s en meldingen. De taal van de uitleg stel je in bij het uitlegkaartje." en="For buttons, menus and messages. The language of the explanations is set under the explanation card." /></p>
    </fieldset>
  );
}
