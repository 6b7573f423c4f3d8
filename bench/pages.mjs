// Generated Dutch policy pages for the benchmark: headings, paragraphs, lists, tables and links,
// with glossary terms at a realistic density. Deterministic (seeded), never copied text.
export const FILLER = ('de het een en van in op voor met door over naar bij om te is zijn wordt worden heeft hebben kan moeten ' +
  'zal willen partijen afspraken regio zorgverleners inwoners kosten jaren plan samen werken beter sneller minder meer ' +
  'verder ook daarom bovendien vooral namelijk uitvoering voortgang doelen resultaten aanpak knelpunten kwaliteit toegang ' +
  'werkdruk mensen wijk thuis buurt gemeente landelijk lokaal komende eerste tweede nieuwe bestaande ondersteuning ' +
  'middelen begroting brief kamer minister overleg gesprek rapport onderzoek advies besluit monitor afspraak').split(' ');

export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function esc(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** About `bytes` of text, in at least `minParagraphs` paragraphs; about one term per `every` words. */
export function policyPage(terms, bytes, { seed = 1, minParagraphs = 0, every = 30, filler = FILLER } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const paraWords = Math.max(8, Math.min(45, Math.floor(bytes / Math.max(minParagraphs, 1) / 7) || 40));
  const sentence = (n) => {
    const w = [];
    for (let i = 0; i < n; i++) w.push(r() < 1 / every ? pick(terms) : pick(filler));
    const s = w.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const out = [];
  let size = 0;
  let paras = 0;
  let section = 0;
  while (size < bytes || paras < minParagraphs) {
    let html;
    if (paras % 25 === 0) html = `<h2>${++section}. ${esc(sentence(5))}</h2>`;
    else if (paras % 13 === 0) html = `<ul>${[0, 1, 2].map(() => `<li>${esc(sentence(10))}</li>`).join('')}</ul>`;
    else if (paras % 41 === 0) html = `<table><tr><th>Onderwerp</th><th>Stand</th></tr>${[0, 1].map(() => `<tr><td>${esc(sentence(4))}</td><td>${esc(sentence(6))}</td></tr>`).join('')}</table>`;
    else html = `<p>${esc(sentence(paraWords))} <a href="#s${section}">${esc(sentence(3))}</a></p>`;
    out.push(html);
    size += html.replace(/<[^>]+>/g, '').length;
    paras++;
  }
  return { html: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Bench</title></head><body><main>${out.join('\n')}</main></body></html>`, paragraphs: paras, textBytes: size };
}

export function paragraphs(terms, n, seed) {
  const { html } = policyPage(terms, 0, { seed, minParagraphs: n });
  return html.slice(html.indexOf('<main>') + 6, html.indexOf('</main>'));
}
