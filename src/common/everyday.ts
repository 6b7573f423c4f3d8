/** Whether a form is an everyday Dutch word (the import skips those; see build.mjs everydayWords). */
import { EVERYDAY } from 'virtual:everyday';

let words: Set<string> | null = null;

export function isEverydayWord(form: string): boolean {
  // Only a lower-case single word: "Wijk" typed with a capital, or "wijk noord", is the user's choice.
  if (!/^[a-zàáäéèëêïíóöúü]+$/u.test(form)) return false;
  words ??= new Set(EVERYDAY.split(' '));
  return words.has(form);
}
