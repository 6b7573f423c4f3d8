/**
 * Issue 12: every frame. Frames without a URL of their own (`<iframe srcdoc>`, an about:blank
 * frame filled by script after load, a frame created by script and written with
 * document.write) are painted and get cards on hover (manifest: match_about_blank,
 * match_origin_as_fallback); a frame of another origin (localhost in a 127.0.0.1 page) is
 * painted by its own content script and gets cards too. Chromium and Firefox ESR.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './chromium';
import { Firefox } from './firefox';
import { PAINTED_SRC, type PaintedTerm } from './painted';
import { CARD_TITLE, chromiumDriver, ffIn, firefoxDriver, paintedTexts, waitCard, waitPainted, type Driver } from './issue12';

/** Each frame (by the id of its <iframe>), what it must paint, and a term to hover. */
const FRAMES: { id: string; painted: string[]; hover: string; text: string }[] = [
  { id: 'srcdoc', painted: ['NZa', 'passende zorg'], hover: 'NZa', text: 'In dit srcdoc-frame: de NZa en passende zorg.' },
  { id: 'blank', painted: ['regioplan', 'Wlz'], hover: 'regioplan', text: 'In dit lege frame: het regioplan en de Wlz.' },
  { id: 'written', painted: ['Integraal Zorgakkoord', 'NZa'], hover: 'Integraal Zorgakkoord', text: 'Geschreven frame: het Integraal Zorgakkoord en de NZa.' },
  { id: 'cross', painted: ['Wlz', 'zorgkantoor'], hover: 'Wlz', text: 'Ander domein: de Wlz en het zorgkantoor.' },
];
const IN_HTML = `document.getElementById('in').innerHTML`;

/**
 * A driver for a frame: evaluation in the frame, the pointer in the top page, moved by the
 * frame's offset (painted boxes are in the frame's viewport).
 */
function inFrame(inner: Driver, top: Driver, iframeId: string): Driver {
  const offset = () =>
    top.eval<{ x: number; y: number }>(`(() => { const f = document.getElementById(${JSON.stringify(iframeId)}); const r = f.getBoundingClientRect(); return { x: r.left + f.clientLeft, y: r.top + f.clientTop }; })()`);
  return {
    ...inner,
    async hover(text, scope = '', nth = 0) {
      const t = (await inner.painted(scope)).filter((x) => x.text === text)[nth];
      if (!t) throw new Error(`${inner.name}: no painted ${text} in frame ${iframeId}`);
      await this.pointer(t.x, t.y);
    },
    /** Frame viewport coordinates. */
    async pointer(x, y) {
      const o = await offset();
      await top.pointer(o.x + x, o.y + y);
    },
  };
}

async function scenario(top: Driver, frame: (id: string) => Promise<Driver>): Promise<void> {
  await waitPainted(top, '#top', ['Zvw']);
  for (const f of FRAMES) {
    const d = await frame(f.id);
    await waitPainted(d, '#in', f.painted, 10000).catch((e) => {
      throw new Error(`frame ${f.id}: ${(e as Error).message}`);
    });
    expect(await d.eval(IN_HTML), `frame ${f.id}: painted, its DOM untouched`).toBe(f.text);
    await d.hover(f.hover, '#in');
    await waitCard(d, f.hover).catch((e) => {
      throw new Error(`frame ${f.id}: ${(e as Error).message}`);
    });
    expect(await top.eval(CARD_TITLE), `frame ${f.id}: the card is the frame's, not the top page's`).toBeNull();
    // Away from the term, within the frame: the card closes.
    await d.pointer(590, 120);
    await waitCard(d, null).catch((e) => {
      throw new Error(`frame ${f.id}, pointer moved off the term: ${(e as Error).message}`);
    });
    expect(await d.eval(IN_HTML), `frame ${f.id}: DOM as before once the card closed`).toBe(f.text);
    if (f.id !== 'cross') {
      // Out of the frame into the top page (a same-origin frame: one process, so the same
      // pointer events a user's pointer gives).
      await d.hover(f.hover, '#in');
      await waitCard(d, f.hover);
      await top.pointer(700, 5);
      await waitCard(d, null).catch((e) => {
        throw new Error(`frame ${f.id}, pointer left the frame: ${(e as Error).message}`);
      });
    }
  }
}

describe('Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  const frameOf = async (page: Page, id: string): Promise<Frame> => {
    const el = await page.waitForSelector(`#${id}`);
    for (let i = 0; i < 50; i++) {
      const f = await el.contentFrame();
      if (f && (id !== 'cross' || f.url().startsWith('http://localhost'))) return f;
      await page.waitForTimeout(100);
    }
    throw new Error(`no frame ${id}`);
  };

  /** A Driver over a Playwright Frame (evaluate and waitForFunction as on a page). */
  const frameDriver = (page: Page, f: Frame): Driver => ({
    ...chromiumDriver(page),
    eval: <T,>(expr: string): Promise<T> => f.evaluate(`(async () => (${expr}))()`) as Promise<T>,
    waitFor: async (expr, what, timeout = 8000) => {
      await f.waitForFunction(expr, undefined, { timeout }).catch(() => {
        throw new Error(`timed out waiting for: ${what}`);
      });
    },
    painted: (scope = '') => f.evaluate(`(${PAINTED_SRC})(${JSON.stringify(scope)})`) as Promise<PaintedTerm[]>,
  });

  it('srcdoc, about:blank and written frames are painted and get cards; a cross-origin frame through its own content script', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${h.origin}/issue12/frames.html`);
    const top = chromiumDriver(page);
    await scenario(top, async (id) => {
      const f = await frameOf(page, id);
      return inFrame(frameDriver(page, f), top, id);
    });
    const cross = await frameOf(page, 'cross');
    expect(new URL(cross.url()).origin).not.toBe(new URL(page.url()).origin);
    await page.close();
  });
});

describe('Firefox ESR', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await Firefox.launch();
  });
  afterAll(async () => {
    await ff?.close();
  });

  /** The browsing context of the frame whose <iframe> has this id (null frameElement: the cross-origin one). */
  async function contextOf(id: string): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const tree = await ff.send('browsingContext.getTree', { root: ff.context });
      for (const c of tree.contexts[0].children ?? []) {
        const own = await ffIn(ff, c.context, () => ff.eval<string | null>(`window.frameElement ? window.frameElement.id : (location.hostname === 'localhost' ? 'cross' : null)`)).catch(() => null);
        if (own === id) return c.context;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no browsing context for frame ${id}`);
  }

  /** A Driver that evaluates in a child context and moves the pointer in the top one. */
  const contextDriver = (ctx: string): Driver => {
    const base = firefoxDriver(ff);
    const wrap =
      <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
      (...a: A) =>
        ffIn(ff, ctx, () => fn(...a));
    return { ...base, eval: <T,>(e: string) => ffIn(ff, ctx, () => base.eval<T>(e)), waitFor: wrap(base.waitFor), painted: wrap(base.painted), settle: wrap(base.settle) };
  };

  it('srcdoc, about:blank and written frames are painted and get cards; a cross-origin frame through its own content script', async () => {
    await ff.navigate(`${ff.origin}/issue12/frames.html`);
    const top = firefoxDriver(ff);
    await scenario(top, async (id) => {
      const ctx = await contextOf(id);
      const d = inFrame(contextDriver(ctx), top, id);
      if (id !== 'cross') return d;
      // BiDi pointer actions on the top context do not reach a frame in another process
      // (Fission): the frame's own context takes them, in its own coordinates.
      const own = contextDriver(ctx);
      const move = (x: number, y: number) =>
        ff.send('input.performActions', { context: ctx, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }] }] });
      return {
        ...own,
        async hover(text, scope = '', nth = 0) {
          const t = (await own.painted(scope)).filter((x) => x.text === text)[nth];
          if (!t) throw new Error(`no painted ${text} in the cross-origin frame`);
          await move(t.x - 2, t.y);
          await move(t.x, t.y);
        },
        pointer: move,
      };
    });
    expect(await paintedTexts(top, '#top')).toEqual(['Zvw']);
  });
});
