// Generates the PDFs of the reader's tests and bench with pdfkit: Dutch policy text of our own,
// laid out like a Kamerbrief (headings, wrapped lines, two columns on some pages, footnotes),
// plus the bad inputs (password, damaged, not a PDF, scanned without text).
import PDFDocument from 'pdfkit';

const PARAGRAPHS = [
  'Met het Integraal Zorgakkoord (IZA) hebben partijen afgesproken dat passende zorg de norm wordt. De zorgverzekeraars en de zorgaanbieders maken samen een regioplan, waarin staat hoe de zorg in de regio toegankelijk blijft.',
  'De Nederlandse Zorgautoriteit (NZa) houdt toezicht op de uitvoering. Het Zorginstituut Nederland beoordeelt welke zorg in het basispakket van de Zorgverzekeringswet (Zvw) hoort, en adviseert de minister daarover.',
  'Gemeenten zijn verantwoordelijk voor de Wet maatschappelijke ondersteuning (Wmo). Voor mensen die blijvend intensieve zorg nodig hebben, is er de Wet langdurige zorg (Wlz). Het Gezond en Actief Leven Akkoord (GALA) vult het IZA aan met afspraken over preventie.',
  'In de regio werken huisartsen, ziekenhuizen, wijkverpleging en het sociaal domein samen. Zij delen gegevens alleen als de patiënt daarvoor toestemming geeft, en het persoonlijke gezondheidsomgeving (PGO) helpt daarbij.',
  'De voortgangsrapportage laat zien dat de transformatiemiddelen vooral naar digitale zorg en hybride zorg gaan. Wachtlijsten in de ggz blijven een zorg; de Inspectie Gezondheidszorg en Jeugd (IGJ) volgt dit nauwgezet.',
];

/** Greedy word wrap of `text` into lines of at most `width` points in the current font. */
function wrap(doc, text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (doc.widthOfString(next) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Writes lines one by one (so line ends are ours, as in a typeset PDF). Returns the new y. */
function writeLines(doc, lines, x, y, leading) {
  for (const l of lines) {
    doc.text(l, x, y, { lineBreak: false });
    y += leading;
  }
  return y;
}

function header(doc, title, pageNo) {
  doc.font('Helvetica-Bold').fontSize(15).fillColor('#154273');
  doc.text(title, 72, 64, { lineBreak: false });
  doc.font('Helvetica').fontSize(8).fillColor('#555555');
  doc.text(`Pagina ${pageNo}`, 480, 800, { lineBreak: false });
  doc.fillColor('#000000');
}

function footnote(doc, n, text) {
  doc.moveTo(72, 752).lineTo(220, 752).lineWidth(0.5).stroke();
  doc.font('Helvetica').fontSize(7.5);
  writeLines(doc, wrap(doc, `${n} ${text}`, 450), 72, 758, 9);
}

/**
 * A policy letter of `pages` pages. Page 1 holds the cases the tests look for: "Integraal" /
 * "Zorgakkoord" split over two lines, "zorg-" / "akkoord" and "regio-" / "plan" hyphenated at
 * a line end. Every third page has two columns; every page a footnote.
 */
export function policyPdf({ pages = 3, title = 'Voortgangsbrief Integraal Zorgakkoord', password } = {}) {
  const doc = new PDFDocument({
    size: 'A4', margin: 0, autoFirstPage: false, compress: true, info: { Title: title, Author: 'IZA Begrippen tests' }, lang: 'nl-NL',
    ...(password ? { userPassword: password, ownerPassword: `${password}-owner`, pdfVersion: '1.7' } : {}),
  });
  for (let p = 1; p <= pages; p++) {
    doc.addPage();
    header(doc, p === 1 ? title : `${title} (vervolg)`, p);
    doc.font('Helvetica').fontSize(10.5);
    let y = 100;
    if (p === 1) {
      y = writeLines(doc, [
        'Geachte voorzitter,',
        '',
        'Hierbij stuur ik u de voortgang van de afspraken in het Integraal',
        'Zorgakkoord. Het nieuwe zorg-',
        'akkoord bouwt voort op het regio-',
        'plan dat elke regio heeft opgesteld.',
      ], 72, y, 14);
      y += 10;
    }
    const twoColumns = p % 3 === 0;
    const cols = twoColumns ? [[72, 215], [308, 215]] : [[72, 450]];
    for (const [c, [x, width]] of cols.entries()) {
      let cy = y;
      doc.font('Helvetica-Bold').fontSize(12);
      doc.text(`${p}.${c + 1} ${c === 0 ? 'Passende zorg in de regio' : 'Toezicht en uitvoering'}`, x, cy, { lineBreak: false });
      cy += 20;
      doc.font('Helvetica').fontSize(10.5);
      for (let k = 0; k < (twoColumns ? 4 : 5); k++) {
        const para = PARAGRAPHS[(p + k + c) % PARAGRAPHS.length];
        cy = writeLines(doc, wrap(doc, para, width), x, cy, 14) + 8;
        if (cy > 700) break;
      }
    }
    footnote(doc, p, 'Zie de Kamerbrief over het Integraal Zorgakkoord en de monitor van het RIVM, met cijfers over de Wlz en de Zvw.');
  }
  return finish(doc);
}

/** A "scan": pages with only drawn shapes, no text at all. */
export function scanPdf(pages = 2) {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    for (let i = 0; i < 40; i++) doc.rect(72, 80 + i * 16, 300 + ((i * 37) % 150), 9).fill('#333333');
  }
  return finish(doc);
}

/** Starts like a PDF, then nothing a PDF reader can use. */
export function damagedPdf() {
  return Buffer.from(`%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n${'garbage '.repeat(200)}\n%%EOF\n`, 'latin1');
}

export function notPdf() {
  return Buffer.from('Dit is geen PDF maar een tekstbestand met een verkeerde naam.\n'.repeat(20));
}

function finish(doc) {
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
