/** The extension in real Firefox ESR: highlighting and the card. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox, PAINTED_COUNT } from './firefox';

let ff: Firefox;
beforeAll(async () => {
  ff = await Firefox.launch();
});
afterAll(async () => {
  await ff?.close();
});


describe('Firefox ESR', () => {
  it('highlights terms with their boundaries, case rules and longest match', async () => {
    await ff.navigate(`${ff.origin}/pages/highlight.html`);
    await ff.waitFor(`${PAINTED_COUNT} > 10`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ff.marks('#case')).toEqual(['GALA=gala', 'MIND=mind', 'ZN=zn', 'InEen=ineen']);
    const b = await ff.marks('#boundaries');
    expect(b.slice(1)).toEqual(['Zvw=zvw', 'IZA=iza', 'NZa=nza']);
    expect(await ff.marks('#longest')).toEqual([
      'Kader Passende Zorg=kader-passende-zorg',
      'Zorgverzekeraars Nederland=zn',
      'De Nederlandse GGZ=de-nederlandse-ggz',
    ]);
    expect(await ff.marks('#excluded')).toEqual([]);
    // Painted, not written: the page holds no element of ours.
    expect(await ff.eval(`document.querySelectorAll('mark').length`)).toBe(0);
  });

  it('opens the card on hover with the definition, and Escape closes it', async () => {
    await ff.hoverTerm('Zvw', '#boundaries');
    await ff.waitFor(`document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')`, 5000);
    const card = await ff.eval<{ term: string; def: string; bg: string; label: string }>(`(() => {
      const c = document.querySelector('iza-begrippen-card').shadowRoot.querySelector('.card');
      return { term: c.querySelector('.term').textContent, def: c.querySelector('#iza-def').textContent, bg: getComputedStyle(c).backgroundColor, label: c.getAttribute('aria-labelledby') };
    })()`);
    expect(card.term).toBe('Zvw');
    expect(card.def.length).toBeGreaterThan(20);
    expect(card.bg).toBe('rgb(255, 255, 255)'); // Styled: the shadow-root stylesheet applies.
    expect(card.label).toBe('iza-title');
    await ff.key('\uE00C'); // Escape
    await ff.waitFor(`!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')`, 5000);
  });

  it('leaves the DOM as the page made it once the card has closed', async () => {
    // (Focus-driven opening is tested in Chromium: headless Firefox's window never has focus,
    // so it fires no focus events at all.)
    await ff.pointerTo(2, 2);
    await ff.waitFor(`!document.querySelector('iza-begrippen-card') && !document.querySelector('mark')`, 5000);
    const html = await ff.eval<string>(`document.body.innerHTML`);
    const original = await ff.eval<string>(`fetch(location.href).then((r) => r.text()).then((t) => new DOMParser().parseFromString(t, 'text/html').body.innerHTML)`);
    expect(html).toBe(original);
    expect(await ff.eval<number>(PAINTED_COUNT)).toBeGreaterThan(10);
  });
});
