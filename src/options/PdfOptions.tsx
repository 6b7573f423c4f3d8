/** Options for PDFs: which ones open in the reader, and extra sites beside the policy sites. */
import { useEffect, useState } from 'preact/hooks';
import { POLICY_SITES } from '../common/pdf-rule';
import type { Settings } from '../common/settings';
import { Choices, L } from './fields';

export function PdfOptions({ s, save }: { s: Settings; save: (patch: Partial<Settings>) => void }) {
  const [text, setText] = useState(s.pdfSites.join('\n'));
  useEffect(() => setText(s.pdfSites.join('\n')), [s.pdfSites.join()]);
  return (
    <fieldset id="pdf-options">
      <legend><L nl="PDF-bestanden" en="PDF files" /></legend>
      <Choices name="pdf" current={s.pdfMode} pick={(v) => save({ pdfMode: v })} options={[
        ['policy', 'Open PDF’s van beleidssites in de IZA Begrippen-lezer', 'Open PDFs of policy sites in the IZA Begrippen reader'],
        ['all', 'Open alle PDF’s in de lezer', 'Open all PDFs in the reader'],
        ['never', 'Nooit: gebruik de PDF-viewer van de browser', 'Never: use the browser’s PDF viewer'],
      ]} />
      <p class="hint"><L nl={`Beleidssites: ${POLICY_SITES.join(', ')} (met subdomeinen).`} en={`Policy sites: ${POLICY_SITES.join(', ')} (with subdomains).`} /></p>
      <label for="pdf-sites"><L nl="Ook op deze sites (één per regel)" en="Also on these sites (one per line)" /></label>
      <textarea id="pdf-sites" value={text} disabled={s.pdfMode !== 'policy'} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        onBlur={() => save({ pdfSites: text.split(/[\s,]+/).filter(Boolean) })} />
      <p class="hint"><L nl="Waar IZA Begrippen uit staat, opent een PDF gewoon in de browser." en="Where IZA Begrippen is off, a PDF opens in the browser as usual." /></p>
    </fieldset>
  );
}
