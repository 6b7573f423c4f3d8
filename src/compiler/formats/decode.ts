/**
 * A file's bytes -> its text. The size is checked first (no decoding of a 20 MB file), then
 * files that are not text at all (PDF, images, archives such as .xlsx, binary data) are refused.
 * UTF-8 is tried strictly, with or without a BOM; a file that is not valid UTF-8 is read as
 * Windows-1252 (what older Dutch Excel writes). UTF-16 with a BOM ("Unicode text") is read too.
 */
import { LIMITS, type Problem } from '../../common/own-terms';

export type Decoded = { text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' } | { fatal: Problem };

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF'], // %PDF
  [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
  [[0xff, 0xd8, 0xff], 'JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF'], // GIF8
  [[0x52, 0x49, 0x46, 0x46], 'RIFF'], // WebP, WAV, AVI
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP'], // also .xlsx, .docx, .odt
  [[0xd0, 0xcf, 0x11, 0xe0], 'OLE'], // old .xls, .doc
  [[0x1f, 0x8b], 'GZIP'],
  [[0x42, 0x4d], 'BMP'],
  [[0x7f, 0x45, 0x4c, 0x46], 'binary'], // ELF
  [[0x4d, 0x5a], 'binary'], // Windows executable
];

/** What kind of non-text file the bytes look like, by their first bytes; null when none. */
export function magicKind(bytes: Uint8Array): string | null {
  for (const [sig, kind] of MAGIC) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) {
      // "BM" and "MZ" are also how a text can start: require a NUL nearby as well.
      if ((kind === 'BMP' || (kind === 'binary' && sig.length === 2)) && !bytes.subarray(0, 64).includes(0)) continue;
      return kind;
    }
  }
  return null;
}

/** Windows-1252's characters for the bytes 0x80-0x9f (where it differs from Latin-1). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Windows-1252 text. Some engines (Node up to 22) decode the label as Latin-1, leaving 0x80-0x9f
 * as control characters: those are mapped here, so the result is the same everywhere.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c);
}

/** Whether a sample of the bytes looks like binary data: a NUL, or many control characters. */
function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  return controls > 8 && controls > sample.length / 100;
}

/** Decodes a file's bytes to text, or says why it cannot be a glossary. Never throws. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.byteLength > LIMITS.maxFileBytes) return { fatal: { code: 'tooBig', detail: `${(bytes.byteLength / 1048576).toFixed(1)} MB` } };
  if (bytes.byteLength === 0) return { fatal: { code: 'empty' } };
  const kind = magicKind(bytes);
  if (kind) return { fatal: { code: 'notGlossary', detail: kind } };
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return { fatal: { code: 'encoding', detail: 'UTF-16' } };
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 65536))) return { fatal: { code: 'notGlossary', detail: 'binary' } };
  } else {
    if (looksBinary(bytes.subarray(0, 65536))) return { fatal: { code: 'notGlossary', detail: 'binary' } };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      // A UTF-8 BOM says UTF-8: a few broken bytes become U+FFFD rather than the whole file mojibake.
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      encoding = bom ? 'utf-8' : 'windows-1252';
      text = bom ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { fatal: { code: 'empty' } };
  return { text, encoding };
}
