/** The options page. Every change is stored at once and applies to open tabs without a reload. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings } from '../common/storage';
import { DEFAULTS, type Settings } from '../common/settings';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../common/glossary-types';
import { PdfOptions } from './PdfOptions';
import { OwnTerms } from './OwnTerms';
import { Choices, L } from './fields';
import { LanguageOption, applyUiLanguage } from './LanguageOption';

export function Options() {
  const [s, setS] = useState<Settings | null>(null);
  const [sitesText, setSitesText] = useState('');
  useEffect(() => {
    const ctl = new AbortController();
    void loadSettings().then((x) => {
      setS(x);
      setSitesText((x.siteMode === 'only' ? x.enabledSites : x.disabledSites).join('\n'));
    });
    watchSettings(setS, ctl.signal);
    return () => ctl.abort();
  }, []);
  if (!s) return null;
  applyUiLanguage(s.uiLanguage);
  const save = async (patch: Partial<Settings>) => setS(await updateSettings(patch));
  const listKey = s.siteMode === 'only' ? 'enabledSites' : 'disabledSites';
  const saveSites = (text: string) => void save({ [listKey]: text.split(/[\s,]+/).filter(Boolean) } as Partial<Settings>);
  const toggleCat = (c: Category, on: boolean) => void save({ categories: on ? [...s.categories, c] : s.categories.filter((x) => x !== c) });

  return (
    <div class="options">
      <h1><L nl="IZA Begrippen: instellingen" en="IZA Begrippen: settings" /></h1>
      <LanguageOption current={s.uiLanguage} pick={(v) => void save({ uiLanguage: v })} />
      <fieldset>
        <legend><L nl="Markering" en="Highlight style" /></legend>
        <Choices name="style" current={s.highlightStyle} pick={(v) => void save({ highlightStyle: v })} options={[['underline', 'Stippellijn onder het begrip', 'Dotted underline'], ['background', 'Gekleurde achtergrond', 'Coloured background'], ['none', 'Geen (uitleg alleen via toetsenbord of pop-up)', 'None (explanations by keyboard or popup only)']]} />
      </fieldset>
      <fieldset>
        <legend><L nl="Wat markeren" en="What to highlight" /></legend>
        {CATEGORIES.map((c) => (
          <label>
            <input type="checkbox" name="category" value={c} checked={s.categories.includes(c)} onChange={(e) => toggleCat(c, (e.target as HTMLInputElement).checked)} />{' '}
            <L nl={CATEGORY_LABELS[c].nl} en={CATEGORY_LABELS[c].en} />
          </label>
        ))}
        <p class="hint"><L nl="Bij lange stukken:" en="For long papers:" /></p>
        <Choices name="first" current={s.firstOnly} pick={(v) => void save({ firstOnly: v })} options={[['off', 'Elke keer dat een begrip voorkomt', 'Every time a term occurs'], ['page', 'Alleen de eerste keer op de pagina', 'Only the first time on the page'], ['section', 'De eerste keer per hoofdstuk (kop)', 'The first time in each section (heading)']]} />
      </fieldset>
      <fieldset>
        <legend><L nl="Uitlegkaartje" en="Explanation card" /></legend>
        <label>
          <L nl="Wachttijd voordat het kaartje opent (ms)" en="Delay before the card opens (ms)" />{' '}
          <input type="number" id="hover-delay" min={0} max={3000} step={50} value={s.hoverDelay}
            onChange={(e) => void save({ hoverDelay: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <label>
          <input type="checkbox" id="show-english" checked={s.showEnglish} onChange={(e) => void save({ showEnglish: (e.target as HTMLInputElement).checked })} />{' '}
          <L nl="Toon ook de Engelse uitleg" en="Also show the English explanation" />
        </label>
        <Choices name="lang" current={s.definitionLanguage} pick={(v) => void save({ definitionLanguage: v })} options={[['nl', 'Begin met Nederlands', 'Start with Dutch'], ['en', 'Begin met Engels', 'Start with English']]} />
      </fieldset>
      <fieldset>
        <legend><L nl="Sites" en="Sites" /></legend>
        <Choices name="mode" current={s.siteMode} pick={(v) => { void save({ siteMode: v }); setSitesText((v === 'only' ? s.enabledSites : s.disabledSites).join('\n')); }} options={[['all', 'Overal aan, behalve op deze sites', 'On everywhere, except on these sites'], ['only', 'Alleen op deze sites', 'Only on these sites']]} />
        <label for="sites"><L nl="Eén site per regel, bijvoorbeeld nos.nl" en="One site per line, for example nos.nl" /></label>
        <textarea id="sites" value={sitesText} onInput={(e) => setSitesText((e.target as HTMLTextAreaElement).value)} onBlur={() => saveSites(sitesText)} />
        <p class="hint"><L nl="Wordt bewaard zodra je het veld verlaat." en="Saved when you leave the field." /></p>
      </fieldset>
      <PdfOptions s={s} save={(patch) => void save(patch)} />
      <OwnTerms />
      <p><button type="button" class="btn secondary" id="reset" onClick={() => { void save({ ...DEFAULTS }); setSitesText(''); }}><L nl="Standaardinstellingen" en="Reset to defaults" /></button></p>
    </div>
  );
}
