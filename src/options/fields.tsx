/** Small form parts shared by the options page's sections. */
import { uiLanguage } from '../common/i18n';

/** A label in the UI language (the browser's, or the one chosen in the options): one language, never both. */
export function L({ nl, en }: { nl: string; en: string }) {
  return <>{uiLanguage() === 'nl' ? nl : en}</>;
}

/** One radio button per option: [value, Dutch label, English label]. */
export function Choices<T extends string>(props: { name: string; current: T; pick: (v: T) => void; options: [T, string, string][] }) {
  return (
    <>
      {props.options.map(([value, nl, en]) => (
        <label>
          <input type="radio" name={props.name} value={value} checked={props.current === value} onChange={() => props.pick(value)} />{' '}
          <L nl={nl} en={en} />
        </label>
      ))}
    </>
  );
}
