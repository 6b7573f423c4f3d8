/** A full definition inside the popup (search results). Text only, never HTML. */
import type { Entry } from '../common/glossary-types';
import { CATEGORY_LABELS } from '../common/glossary-types';
import { t, uiLanguage } from '../common/i18n';

export function EntryDetails({ entry }: { entry: Entry }) {
  return (
    <div class="def">
      <p class="muted">{CATEGORY_LABELS[entry.category][uiLanguage()]}</p>
      <p lang="nl">{entry.definition}</p>
      <p lang="en" class="muted"><strong>{entry.en.name}.</strong> {entry.en.definition}</p>
      {entry.sources.map((s) => (
        <p><a href={s.url} target="_blank" rel="noopener noreferrer">{t('source')}: {s.title}</a></p>
      ))}
    </div>
  );
}
