/** A full definition inside the popup (search results). Text only, never HTML. */
import type { Entry } from '../common/glossary-types';
import { CATEGORY_LABELS } from '../common/glossary-types';
import { t, uiLanguage } from '../common/i18n';

export function EntryDetails({ entry }: { entry: Entry }) {
  return (
    <div class="def">
      <p class="muted">{CATEGORY_LABELS[entry.category][uiLanguage()]}{entry.collection ? <> · <span class="collection">{entry.collection}</span></> : null}</p>
      <p lang="nl">{entry.definition}</p>
      {entry.en.definition ? <p lang="en" class="muted"><strong>{entry.en.name}.</strong> {entry.en.definition}</p> : null}
      {entry.sources.filter((s) => /^https?:/.test(s.url)).map((s) => (
        <p><a href={s.url} target="_blank" rel="noopener noreferrer">{t('source')}: {s.title}</a></p>
      ))}
    </div>
  );
}
