/** The extension in real Firefox ESR: highlighting and the card. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox } from './firefox';

let ff: Firefox;
beforeAll(async () => {
  ff = await Firefox.launch();
});
afterAll(async () => {
  await ff?.close();
});

const MARKS = (scope: string) => `[...document.querySelectorAll('${scope} mark[data-iza]')].map((m) => m.textContent + '=' + m.getAttribute('data-iza'))`;

describe('Firefox ESR', () => {
  it('highlights terms with their boundaries, case rules and longest match', async () => {
    await ff.navigate(`${ff.origin}/pages/highlight.html`);
    await ff.waitFor(`document.querySelectorAll('mark[data-iza]').length > 10`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ff.eval(MARKS('#case'))).toEqual(['GALA=gala', 'MIND=mind', 'ZN=zn', 'InEen=ineen']);
    const b = await ff.eval<string[]>(MARKS('#boundaries'));
    expect(b.slice(1)).toEqual(['Zvw=zvw', 'IZA=iza', 'NZa=nza']);
    expect(await ff.eval(MARKS('#longest'))).toEqual([
      'Kader Passende Zorg=kader-passende-zorg',
      'Zorgverzekeraars Nederland=zn',
      'De Nederlandse GGZ=de-nederlandse-ggz',
    ]);
    expect(await ff.eval(`document.querySelectorAll('#excluded mark').length`)).toBe(0);
  });

  it('opens the card on hover with the definition, and Escape closes it', async () => {
    const rect = await ff.eval<{ x: number; y: number }>(
      `(() => { const r = document.querySelector('#boundaries mark[data-iza="zvw"]').getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
    );
    await ff.pointerTo(rect.x, rect.y);
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

  it('makes exactly one term a tab stop', async () => {
    // (Focus-driven opening is tested in Chromium: headless Firefox's window never has focus,
    // so it fires no focus events at all.)
    expect(await ff.eval(`document.querySelectorAll('mark[data-iza][tabindex="0"]').length`)).toBe(1);
    expect(await ff.eval(`document.querySelectorAll('mark[data-iza]').length`)).toBeGreaterThan(10);
  });
});
