/** The definition card. Every piece of glossary data is rendered as text, never as HTML. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORY_LABELS, type Entry } from '../../common/glossary-types';
import { t } from '../../common/i18n';

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

/** Only https links are shown; the build already rejects others, this guards the renderer too. */
function safeUrl(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function Card(props: CardProps) {
  const { ids, matched, getEntry, lead, both, onClose, focusToken } = props;
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
      {ids.length > 1 && history.length === 0 ? (
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
      {language === 'en' ? en : nl}
      {both ? (language === 'en' ? nl : en) : null}
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
        <span class="meta">
          {t('reviewed')} {entry.reviewed}
        </span>
        <span class="actions">
          {history.length > 0 ? (
            <button type="button" class="link" onClick={back}>
              ← {t('back')}
            </button>
          ) : null}
          {!both ? (
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
