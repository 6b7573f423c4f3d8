// Writes an NL-SBB (SKOS) Turtle file of invented own terms, for the bench and the e2e tests:
//   node test/tools/make-own-terms.mjs <out.ttl> [count=5000]
// Deterministic: the same count gives the same bytes. Terms look Dutch ("Wijkregeling 0001"),
// start with different first words, and each has an abbreviation (all capitals, unique).

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIRST = [
  'Voorbeeld', 'Wijk', 'Buurt', 'Stads', 'Regio', 'Dorps', 'Kern', 'Gebieds', 'Haven', 'Polder', 'Rivier', 'Duin',
  'Heide', 'Kanaal', 'Molen', 'Brug', 'Markt', 'Kerk', 'School', 'Park', 'Dijk', 'Veen', 'Bos', 'Zand', 'Klei',
];
const SECOND = [
  'regeling', 'plan', 'fonds', 'loket', 'team', 'akkoord', 'programma', 'overleg', 'budget', 'netwerk', 'agenda',
  'pact', 'route', 'pas', 'raad', 'punt', 'visie', 'aanpak', 'kader', 'monitor',
];
const CATEGORIES = ['begrip', 'programma', 'organisatie', 'financiering', 'akkoord', 'rol', 'digitaal', 'wet'];

/** 0 -> "AAA", 1 -> "AAB", … (three capitals, unique below 17,576). */
function letters(n) {
  let out = '';
  for (let i = 0; i < 3; i++) {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

const pad = (n) => String(n).padStart(4, '0');

/** The Turtle text of `count` invented concepts in one scheme. */
export function makeOwnTermsTurtle(count = 5000) {
  const out = [
    '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .',
    '@prefix dct: <http://purl.org/dc/terms/> .',
    '@prefix foaf: <http://xmlns.com/foaf/0.1/> .',
    '@prefix vbs: <https://begrippen.voorbeeldstad.nl/id/begrip/> .',
    '',
    '<https://begrippen.voorbeeldstad.nl/id/begrippenkader/test>',
    '  a skos:ConceptScheme ;',
    `  dct:title "Gemeente Voorbeeldstad (${count} begrippen)"@nl .`,
    '',
  ];
  for (let i = 1; i <= count; i++) {
    const first = FIRST[i % FIRST.length];
    const second = SECOND[Math.floor(i / FIRST.length) % SECOND.length];
    const term = `${first}${second} ${pad(i)}`;
    const abbr = `${first[0]}${second[0].toUpperCase()}${letters(i)}`;
    const lines = [
      `vbs:begrip-${pad(i)}`,
      '  a skos:Concept ;',
      '  skos:inScheme <https://begrippen.voorbeeldstad.nl/id/begrippenkader/test> ;',
      `  skos:prefLabel "${term}"@nl ;`,
      `  skos:altLabel "${abbr}"@nl${i % 3 === 0 ? ` , "${first.toLowerCase()} ${second} ${pad(i)}"@nl` : ''} ;`,
      `  skos:definition "De ${second} nummer ${i} van de gemeente Voorbeeldstad voor de ${first.toLowerCase()}, bedacht voor tests."@nl ;`,
    ];
    if (i % 5 === 0) lines.push(`  dct:source [ dct:title "Gemeenteblad ${i}" ; foaf:page <https://www.voorbeeldstad.nl/regels/${i}> ] ;`);
    if (i > 1 && i % 7 === 0) lines.push(`  skos:broader vbs:begrip-${pad(i - 1)} ;`);
    if (i > 2 && i % 4 === 0) lines.push(`  skos:related vbs:begrip-${pad(i - 2)} ;`);
    lines.push(`  skos:note "categorie ${CATEGORIES[i % CATEGORIES.length]}" .`);
    out.push(lines.join('\n'), '');
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, count] = process.argv.slice(2);
  if (!path) {
    console.error('usage: node test/tools/make-own-terms.mjs <out.ttl> [count=5000]');
    process.exit(2);
  }
  const n = Number(count ?? 5000);
  writeFileSync(path, makeOwnTermsTurtle(n));
  console.log(`wrote ${n} concepts to ${path}`);
}
