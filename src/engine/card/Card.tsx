/** The definition card. Every piece of glossary data is rendered as text, never as HTML. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORY_LABELS, type Entry } from '../../common/glossary-types';
import { t } from '../../common/i18n';
import { isOwnId } from '../../common/own-terms';

export interface CardProps {
  /** The meanings of the highlighted text (several for an ambiguous abbreviation). */
  ids: readonly string[];
  /** The text as it stands on the page, e.g. "Zvw". */
  matched: string;
  getEntry(id: string): Entry | undefined;
  /** Which language leads. */
  lead: 'nl' | 'en';
  /** Show the other language too. */
  both: boolean;
  onClose(): void;
  /** Bumped by the host to move focus into the card. */
  focusToken: number;
}

/** Only web links are shown (own terms' sources may be http); this guards the renderer. */
function safeUrl(url: string): string | null {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The collection a meaning comes from, as the card labels it. */
const collectionOf = (e: Entry): string => e.collection ?? 'IZA Begrippen';

/**
 * A form in an own collection and elsewhere (issue 20): every meaning at once, own first, each
 * with its collection's name.
 */
function Meanings({ entries, language, matched }: { entries: Entry[]; language: 'nl' | 'en'; matched: string }) {
  return (
    <div class="meanings-all" role="group" aria-label={t('meanings', matched)}>
      {entries.map((e) => (
        <section class="meaning" lang="nl">
          <p class="collection">{collectionOf(e)}</p>
          <h3 class="meaning-term">{e.term}</h3>
          <p class="def" lang={language === 'en' && e.en.definition ? 'en' : 'nl'}>
            {language === 'en' && e.en.definition ? e.en.definition : e.definition}
          </p>
        </section>
      ))}
    </div>
  );
}

export function Card(props: CardProps) {
  const { matched, getEntry, lead, both, onClose, focusToken } = props;
  // Own meanings first (issue 20).
  const ids = props.ids.some(isOwnId) ? [...props.ids].sort((a, b) => Number(isOwnId(b)) - Number(isOwnId(a))) : props.ids;
  const [history, setHistory] = useState<string[]>([]);
  const [current, setCurrent] = useState(ids[0] ?? '');
  const [langOverride, setLang] = useState<'nl' | 'en' | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setHistory([]);
    setCurrent(ids[0] ?? '');
  }, [ids.join(' ')]);
  useEffect(() => {
    if (focusToken > 0) root.current?.querySelector<HTMLElement>('button, a')?.focus();
  }, [focusToken]);

  const entry = getEntry(current);
  if (!entry) return null;
  const language = langOverride ?? lead;
  const back = () => {
    setCurrent(history[history.length - 1] ?? current);
    setHistory(history.slice(0, -1));
  };
  const go = (id: string) => {
    setHistory([...history, current]);
    setCurrent(id);
  };
  const abbr = entry.abbreviations.find((a) => a.form.toLowerCase() === matched.trim().toLowerCase());
  const title = history.length === 0 && abbr ? abbr.form : entry.term;
  const category = CATEGORY_LABELS[entry.category];
  // A generic term (eigen risico) says which sense the card explains (issue 13).
  const sense = entry.sense ? (
    <p class="sense">
      {t('sense')}: <span lang="nl">{entry.sense}</span>
    </p>
  ) : null;
  const nl = (
    <p class="def" lang="nl" id="iza-def">
      {entry.definition}
    </p>
  );
  const en = (
    <p class={language === 'en' ? 'def' : 'def en'} lang="en" id={language === 'en' ? 'iza-def' : undefined}>
      <span class="en-name">{entry.en.name}. </span>
      {entry.en.definition}
    </p>
  );
  const related = entry.related.map((id) => getEntry(id)).filter((e): e is Entry => e !== undefined);
  const meanings = ids.map((id) => getEntry(id)).filter((e): e is Entry => e !== undefined);
  const fromCollections = history.length === 0 && meanings.length > 1 && ids.some(isOwnId);
  const enText = entry.en.definition !== '';

  return (
    <div class="card" role="dialog" aria-labelledby="iza-title" aria-describedby="iza-def" ref={root}>
      <div class="head">
        <div>
          <h2 class="term" id="iza-title" lang="nl">
            {title}
          </h2>
          {history.length === 0 && abbr && abbr.expansion !== abbr.form ? (
            <p class="full">
              {t('abbreviationOf')}: <span lang="nl">{abbr.expansion}</span>
            </p>
          ) : entry.abbreviations.length > 0 ? (
            <p class="full">{entry.abbreviations.map((a) => a.form).join(', ')}</p>
          ) : null}
        </div>
        <span class={`cat cat-${entry.category}`}>{language === 'en' ? category.en : category.nl}</span>
        <button type="button" class="close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {entry.collection !== undefined && !fromCollections ? <p class="collection">{entry.collection}</p> : null}
      {fromCollections ? <Meanings entries={meanings} language={language} matched={matched} /> : null}
      {ids.length > 1 && history.length === 0 && !fromCollections ? (
        <div class="meanings" role="group" aria-label={t('meanings', matched)}>
          <span>{t('meanings', matched)}</span>
          {ids.map((id) => (
            <button type="button" class={id === current ? 'chip active' : 'chip'} aria-pressed={id === current} onClick={() => setCurrent(id)}>
              {getEntry(id)?.term ?? id}
            </button>
          ))}
        </div>
      ) : null}
      {sense}
      {fromCollections ? null : language === 'en' && enText ? en : nl}
      {both && !fromCollections && enText ? (language === 'en' ? nl : en) : null}
      {related.length > 0 ? (
        <div class="related">
          <span class="label">{t('seeAlso')}:</span>
          {related.map((r) => (
            <button type="button" class="chip" onClick={() => go(r.id)}>
              {r.abbreviations[0]?.form ?? r.term}
            </button>
          ))}
        </div>
      ) : null}
      <div class="foot">
        {entry.sources.map((s) => {
          const url = safeUrl(s.url);
          return url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('source')}: {s.title}
            </a>
          ) : null;
        })}
        {entry.reviewed ? (
          <span class="meta">
            {t('reviewed')} {entry.reviewed}
          </span>
        ) : null}
        <span class="actions">
          {history.length > 0 ? (
            <button type="button" class="link" onClick={back}>
              ← {t('back')}
            </button>
          ) : null}
          {!both && enText ? (
            <button type="button" class="link" lang={language === 'en' ? 'nl' : 'en'} onClick={() => setLang(language === 'en' ? 'nl' : 'en')}>
              {language === 'en' ? t('showDutch') : t('showEnglish')}
            </button>
          ) : null}
        </span>
      </div>
      <div class="sr" role="status" aria-live="polite">
        {`${title}: ${language === 'en' ? entry.en.definition : entry.definition}`}
      </div>
    </div>
  );
}
