/** The options page. Every change is stored at once and applies to open tabs without a reload. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings } from '../common/storage';
import { DEFAULTS, type Settings } from '../common/settings';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../common/glossary-types';
import { uiLanguage } from '../common/i18n';

/** Dutch first, English beside it; the browser's language decides which leads. */
function L({ nl, en }: { nl: string; en: string }) {
  return uiLanguage() === 'nl' ? <>{nl} <span class="muted" lang="en">· {en}</span></> : <>{en} <span class="muted" lang="nl">· {nl}</span></>;
}

function Radio<T extends string>(props: { name: string; value: T; current: T; onPick: (v: T) => void; nl: string; en: string }) {
  return (
    <label>
      <input type="radio" name={props.name} value={props.value} checked={props.current === props.value} onChange={() => props.onPick(props.value)} />{' '}
      <L nl={props.nl} en={props.en} />
    </label>
  );
}

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
  const save = async (patch: Partial<Settings>) => setS(await updateSettings(patch));
  const listKey = s.siteMode === 'only' ? 'enabledSites' : 'disabledSites';
  const saveSites = (text: string) => void save({ [listKey]: text.split(/[\s,]+/).filter(Boolean) } as Partial<Settings>);
  const toggleCat = (c: Category, on: boolean) => void save({ categories: on ? [...s.categories, c] : s.categories.filter((x) => x !== c) });

  return (
    <div class="options">
      <h1><L nl="IZA Begrippen: instellingen" en="settings" /></h1>
      <fieldset>
        <legend><L nl="Markering" en="Highlight style" /></legend>
        <Radio name="style" value="underline" current={s.highlightStyle} onPick={(v) => void save({ highlightStyle: v })} nl="Stippellijn onder het begrip" en="dotted underline" />
        <Radio name="style" value="background" current={s.highlightStyle} onPick={(v) => void save({ highlightStyle: v })} nl="Gekleurde achtergrond" en="background" />
        <Radio name="style" value="none" current={s.highlightStyle} onPick={(v) => void save({ highlightStyle: v })} nl="Geen (uitleg alleen via toetsenbord of pop-up)" en="none (keyboard or popup only)" />
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
        <Radio name="first" value="off" current={s.firstOnly} onPick={(v) => void save({ firstOnly: v })} nl="Elke keer dat een begrip voorkomt" en="every occurrence" />
        <Radio name="first" value="page" current={s.firstOnly} onPick={(v) => void save({ firstOnly: v })} nl="Alleen de eerste keer op de pagina" en="first occurrence per page" />
        <Radio name="first" value="section" current={s.firstOnly} onPick={(v) => void save({ firstOnly: v })} nl="De eerste keer per hoofdstuk (kop)" en="first occurrence per section" />
      </fieldset>
      <fieldset>
        <legend><L nl="Uitlegkaartje" en="Card" /></legend>
        <label>
          <L nl="Wachttijd voordat het kaartje opent (ms)" en="hover delay (ms)" />{' '}
          <input type="number" id="hover-delay" min={0} max={3000} step={50} value={s.hoverDelay}
            onChange={(e) => void save({ hoverDelay: Number((e.target as HTMLInputElement).value) })} />
        </label>
        <label>
          <input type="checkbox" id="show-english" checked={s.showEnglish} onChange={(e) => void save({ showEnglish: (e.target as HTMLInputElement).checked })} />{' '}
          <L nl="Toon ook de Engelse uitleg" en="also show the English definition" />
        </label>
        <Radio name="lang" value="nl" current={s.definitionLanguage} onPick={(v) => void save({ definitionLanguage: v })} nl="Begin met Nederlands" en="lead with Dutch" />
        <Radio name="lang" value="en" current={s.definitionLanguage} onPick={(v) => void save({ definitionLanguage: v })} nl="Begin met Engels" en="lead with English" />
      </fieldset>
      <fieldset>
        <legend><L nl="Sites" en="Sites" /></legend>
        <Radio name="mode" value="all" current={s.siteMode} onPick={(v) => { void save({ siteMode: v }); setSitesText(s.disabledSites.join('\n')); }} nl="Overal aan, behalve op deze sites" en="everywhere except these sites" />
        <Radio name="mode" value="only" current={s.siteMode} onPick={(v) => { void save({ siteMode: v }); setSitesText(s.enabledSites.join('\n')); }} nl="Alleen op deze sites" en="only on these sites" />
        <label for="sites"><L nl="Eén site per regel, bijvoorbeeld nos.nl" en="one site per line" /></label>
        <textarea id="sites" value={sitesText} onInput={(e) => setSitesText((e.target as HTMLTextAreaElement).value)} onBlur={() => saveSites(sitesText)} />
        <p class="hint"><L nl="Wordt bewaard zodra je het veld verlaat." en="Saved when you leave the field." /></p>
      </fieldset>
      <p><button type="button" class="btn secondary" id="reset" onClick={() => { void save({ ...DEFAULTS }); setSitesText(''); }}><L nl="Standaardinstellingen" en="Reset to defaults" /></button></p>
    </div>
  );
}
