// Page-side measuring code for bench/run.mjs (injected as a script; uses window.__iza).
export const MEASURE = String.raw`
(() => {
  const { TopicGate, topicRule, PageEngine, Revealer, TermSession, DEFAULTS, createMatcher, matcherData, Mark, buildTrie, unicodePattern, formsOf } = window.__iza;
  const data = matcherData();
  const matcher = createMatcher(data);
  const now = () => performance.now();
  const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const heap = () => { if (window.gc) window.gc(); return Math.round(performance.memory.usedJSHeapSize / 1e5) / 10; };
  function walk(root) {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let t = w.nextNode(); t; t = w.nextNode()) n += t.data.length;
    return n;
  }
  // A bare walk of every text node, median of 5. Cold: each walk right after a full garbage
  // collection, the state the engine meets the page in in full() (heap() runs before the pass). The
  // collection drops the strings Chromium made for earlier reads of the texts' data, so each read
  // makes its string again: on the 5 MB page 40-47 ms against 13-24 ms warm, where each walk reads
  // strings cached by the walks before it.
  function baselineOf(root, cold = false) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      if (cold && window.gc) window.gc();
      const t = now(); walk(root); times.push(now() - t);
    }
    return median(times);
  }
  // The text nodes in the viewport, found before the engine starts, so that checking for "first
  // highlights in view" needs no layout while the engine works (a forced layout of a 5 MB page
  // inside a slice would be charged to the engine).
  function viewportTexts() {
    const at = (y) => {
      for (const x of [innerWidth / 2, 40, innerWidth - 40]) {
        const r = document.caretRangeFromPoint(x, y);
        if (r && r.startContainer.nodeType === 3) return r.startContainer;
      }
      return null;
    };
    const top = at(2), bottom = at(innerHeight - 2);
    const set = new Set();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    w.currentNode = top ?? document.body;
    for (let t = top ?? w.nextNode(); t; t = w.nextNode()) {
      set.add(t);
      if (t === bottom || set.size > 5000) break;
    }
    return set;
  }
  /** The page's highlight of painted terms (one Highlight; named by the highlight style). */
  const painted = () => CSS.highlights.get('iza-u');
  function anyPaintedIn(texts) {
    const h = painted();
    if (!h) return false;
    for (const r of h) if (texts.has(r.startContainer)) return true;
    return false;
  }
  /**
   * A term session and engine set up as src/content/activation.ts does on a web page, with the
   * topic gate for generic terms (the page's host, 127.0.0.1, is no care site).
   */
  function activate(onChange) {
    const session = new TermSession(document, { ...DEFAULTS });
    const topic = new TopicGate(topicRule(), data.generic, location.hostname);
    const engine = new PageEngine(document, {
      matcher, topic, index: session.index, painter: session.painter, allow: (ids) => ids, firstOnly: 'off',
      onShadowRoot: (root) => { session.adoptStyles(root); session.hydration.include(root); },
      onChange,
    });
    session.writeHook = (fn) => engine.write(fn);
    return { session, engine };
  }
  // Longest slice of engine work, measured around the engine's own slice method.
  // Painting what scrolls into view (Revealer.reveal, reveal.ts) counts as engine work too.
  let longestSlice = 0, engineTime = 0, revealTimes = [];
  for (const [proto, name] of [[PageEngine.prototype, 'slice'], [Revealer.prototype, 'reveal']]) {
    const orig = proto[name];
    if (typeof orig !== 'function') throw new Error('bench: no method ' + name + ' to time');
    proto[name] = function (...a) {
      const t = now(); const r = orig.apply(this, a); const d = now() - t;
      engineTime += d; longestSlice = Math.max(longestSlice, d);
      if (name === 'reveal') revealTimes.push(d);
      return r;
    };
  }
  // Frames over 50 ms, from the Long Animation Frames API: a frame's script and the browser's
  // style, layout and paint for it. (The older Long Tasks API reports no rendering work in this
  // Chromium: frames of 150-470 ms after a single DOM change on the 5 MB page went unreported.)
  function watchFrames() {
    const frames = [];
    const po = new PerformanceObserver((l) => frames.push(...l.getEntries()));
    po.observe({ type: 'long-animation-frame' });
    return () => {
      frames.push(...po.takeRecords());
      po.disconnect();
      const render = (f) => (f.renderStart ? f.startTime + f.duration - f.renderStart : 0);
      const longest = frames.reduce((a, f) => (f.duration > (a?.duration ?? 0) ? f : a), null);
      return { count: frames.length, longest: longest?.duration ?? 0, longestRender: longest ? render(longest) : 0 };
    };
  }
  async function highlight() {
    longestSlice = 0; engineTime = 0;
    // A fresh task: the measuring code's own forced layouts must not count as the engine's.
    await new Promise((r) => setTimeout(r, 0));
    const stopFrames = watchFrames();
    let start = 0, firstView = null, probe = 0;
    const texts = viewportTexts();
    start = now();
    // The session's set-up (its hydration guard reads the page's comments) is engine work too.
    const { session, engine } = activate(() => {
      if (firstView !== null) return;
      const t = now();
      if (anyPaintedIn(texts)) firstView = t - start;
      probe += now() - t; // The probe runs inside a slice: not the engine's time.
    });
    const setup = now() - start;
    engineTime += setup;
    longestSlice = Math.max(longestSlice, setup);
    await engine.start();
    const time = now() - start - probe;
    engineTime -= probe;
    await new Promise((r) => setTimeout(r, 50));
    const frames = stopFrames();
    return { engine, session, time, engineTime, setup, firstView, longestSlice, frames, painted: session.painter.painted, found: engine.count() };
  }
  // After the initial pass, as a reader would: from the middle of the page, a screen down every two
  // frames. First 30 screens with nothing else running, timing every frame (engine time per look,
  // and frames over 50 ms with the browser's rendering); then 30 more screens, checking at each
  // stop that every term in view is painted (found by the matcher in the text of the blocks in
  // view, compared with the painted ranges inside them). Without an engine: the same timing pass alone.
  async function scrollThrough(engine, screens) {
    revealTimes = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    window.scrollTo(0, document.documentElement.scrollHeight / 2);
    for (let i = 0; i < 5; i++) await frame();
    await new Promise((r) => setTimeout(r, 300));
    const stopFrames = watchFrames();
    for (let i = 0; i < screens; i++) {
      window.scrollBy(0, innerHeight);
      await frame(); await frame();
    }
    await new Promise((r) => setTimeout(r, 300));
    const frames = stopFrames();
    const looks = revealTimes.length, maxLook = Math.max(0, ...revealTimes), total = revealTimes.reduce((a, b) => a + b, 0);
    let expected = 0, wrapped = 0;
    if (engine) {
      for (let i = 0; i < screens; i++) {
        window.scrollBy(0, innerHeight);
        await frame(); await frame();
        const blocks = new Set();
        for (let y = 5; y < innerHeight; y += 10) {
          const el = document.elementFromPoint(innerWidth / 2, y)?.closest('p, li, td, th, h1, h2, h3, h4');
          if (el) blocks.add(el);
        }
        const BLOCK = 'p, li, td, th, h1, h2, h3, h4';
        for (const b of blocks) {
          // The DOM is the page's own while terms are only painted: its text is read as it is.
          const w = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
          for (let t = w.nextNode(); t; t = w.nextNode()) expected += matcher.find(t.data).length;
        }
        for (const r of painted() ?? []) if (blocks.has(r.startContainer.parentElement?.closest(BLOCK))) wrapped++;
      }
    }
    window.scrollTo(0, 0);
    return { screens, expected, wrapped, looks, maxLook, total, longFrames: frames.count, longestFrame: frames.longest, longestRender: frames.longestRender, pending: engine ? engine.count() - window.__session.painter.painted : 0 };
  }
  window.__bench = {
    baseline: () => baselineOf(document.body),
    baselineCold: () => baselineOf(document.body, true),
    async full() {
      const heapBefore = heap();
      const r = await highlight();
      const heapAfter = heap();
      window.__engine = r.engine;
      window.__session = r.session;
      return { time: r.time, engineTime: r.engineTime, setup: r.setup, firstView: r.firstView, longestSlice: r.longestSlice, frames: r.frames, marks: r.painted, found: r.found, heapBefore, heapAfter };
    },
    scroll: () => scrollThrough(window.__engine, 30),
    scrollAlone: () => scrollThrough(null, 30),
    // What any DOM change costs this page's rendering: one <mark> written by hand near the top.
    async oneChange() {
      await new Promise((r) => setTimeout(r, 300));
      const stop = watchFrames();
      const p = document.querySelector('p');
      const m = document.createElement('mark');
      m.textContent = 'x';
      p.prepend(m);
      await new Promise((r) => setTimeout(r, 500));
      m.remove();
      await new Promise((r) => setTimeout(r, 500));
      return stop();
    },
    async firstViewScrolled() {
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
      // Let the browser finish rendering the new scroll position before the engine starts.
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => r()));
      const r = await highlight();
      return { firstView: r.firstView, inView: r.firstView !== null };
    },
    markArray(limit) {
      const forms = [...new Set([...Object.keys(data.exact), ...Object.keys(data.folded)])];
      const m = new Mark(document.body);
      const t = now();
      let done = 0;
      for (const f of forms) {
        m.mark(f, { separateWordSearch: false, accuracy: 'exactly', diacritics: false });
        done++;
        if (now() - t > limit) return { done: false, time: now() - t, terms: done, forms: forms.length };
      }
      return { done: true, time: now() - t, terms: done, forms: forms.length };
    },
    markRegExp() {
      const t = now();
      new Mark(document.body).markRegExp(new RegExp(unicodePattern(buildTrie(formsOf(data.trie))), 'giu'));
      return { time: now() - t };
    },
    // Hover hit test, in the page, on the same points for each method. Points: the centre of every
    // painted term in view (hits), and as many seeded random points over the viewport (mostly
    // plain text: the common pointer move), at three scroll positions. For each point the target
    // element is what the browser gives a pointermove (elementFromPoint, not timed: the browser
    // hit-tests every pointer move for its event anyway); then, in turn (order rotated per point),
    // the session's hit test (session.ts hit: the painted ranges of the target's own text, their
    // getClientRects), CSS.highlights.highlightsFromPoint, document.caretPositionFromPoint and
    // document.elementFromPoint. Layout is clean throughout, as it is during pointer events.
    // The page is cross-origin isolated, so performance.now() has 5 µs resolution (100 µs otherwise).
    async hover(perView, positions = [0, 0.5, 0.93]) {
      const session = window.__session;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      let seed = 12345;
      const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const t = { hit: [], hfp: [], caret: [], efp: [] };
      let points = 0, hits = 0, onTerm = 0, agree = 0, inParent = 0;
      const disagree = [];
      for (const pos of positions) {
        if (pos !== null) window.scrollTo(0, pos * (document.documentElement.scrollHeight - innerHeight));
        for (let i = 0; i < 3; i++) await frame();
        await new Promise((r) => setTimeout(r, 400)); // The engine paints what came into view.
        for (let i = 0; i < 3; i++) await frame();
        const pts = [];
        for (const r of painted() ?? []) {
          const range = new Range();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getClientRects()[0];
          if (box && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth) pts.push([box.left + box.width / 2, box.top + box.height / 2, true]);
        }
        pts.splice(perView / 2);
        const nTerm = pts.length;
        while (pts.length < nTerm + perView / 2) pts.push([Math.floor(rnd() * innerWidth), Math.floor(rnd() * innerHeight), false]);
        pts.forEach(([x, y, term], i) => {
          const target = document.elementFromPoint(x, y);
          if (!target) return;
          points++;
          if (term) onTerm++;
          inParent += session.index.inParent(target).length;
          let o, hs;
          const runs = [
            () => { const a = now(); o = session.hit(target, x, y); t.hit.push(now() - a); },
            () => { const a = now(); hs = CSS.highlights.highlightsFromPoint(x, y); t.hfp.push(now() - a); },
            () => { const a = now(); document.caretPositionFromPoint(x, y); t.caret.push(now() - a); },
            () => { const a = now(); document.elementFromPoint(x, y); t.efp.push(now() - a); },
          ];
          for (let k = 0; k < runs.length; k++) runs[(i + k) % runs.length]();
          if (o) hits++;
          const theirs = hs.some((h) => (h.highlight ?? h) === painted());
          if (!!o === theirs) agree++;
          else if (disagree.length < 5) disagree.push({ x, y, ours: o ? o.text ?? String(o) : null, theirs, target: target.localName + (target.id ? '#' + target.id : '') });
        });
      }
      const stat = (a) => { a.sort((x, y) => x - y); return { median: a[Math.floor(a.length / 2)], p99: a[Math.min(a.length - 1, Math.floor(a.length * 0.99))], max: a[a.length - 1] }; };
      return { points, onTerm, hits, agree, disagree, isolated: crossOriginIsolated, ranges: painted()?.size ?? 0, inParentMean: inParent / Math.max(points, 1), hit: stat(t.hit), hfp: stat(t.hfp), caret: stat(t.caret), efp: stat(t.efp) };
    },
    // Why the engine paints only near the reader: every term of the page painted at once. First a
    // short scroll with the engine's own painting (from the middle, a screen every two frames),
    // then every entry painted in one call (script time), the frames that follow, and the same
    // scroll again from the same place.
    async paintAll(screens) {
      const session = window.__session, engine = window.__engine;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const scrollPass = async () => {
        window.scrollTo(0, document.documentElement.scrollHeight / 2);
        for (let i = 0; i < 3; i++) await frame();
        await new Promise((r) => setTimeout(r, 500));
        const stop = watchFrames();
        const t = now();
        for (let i = 0; i < screens; i++) { window.scrollBy(0, innerHeight); await frame(); await frame(); }
        const time = now() - t;
        await new Promise((r) => setTimeout(r, 300));
        return { time, ...stop() };
      };
      // One range taken out of the highlight and put back: what any change to it costs the next frame.
      const oneChange = async () => {
        await new Promise((r) => setTimeout(r, 300));
        const h = painted();
        const stop = watchFrames();
        const r = h.values().next().value;
        const t = now();
        h.delete(r);
        h.add(r);
        await frame(); await frame();
        const time = now() - t;
        await new Promise((r) => setTimeout(r, 300));
        return { time, ...stop() };
      };
      const budgeted = await scrollPass();
      const changeBudgeted = await oneChange();
      const paintedBefore = session.painter.painted;
      window.scrollTo(0, 0);
      for (let i = 0; i < 3; i++) await frame();
      await new Promise((r) => setTimeout(r, 500));
      const stop = watchFrames();
      const t0 = now();
      session.painter.paint(session.index.ordered());
      const script = now() - t0;
      const deltas = [];
      let last = now();
      for (let i = 0; i < 3; i++) { await frame(); const n = now(); deltas.push(n - last); last = n; }
      await new Promise((r) => setTimeout(r, 300));
      const after = stop();
      const all = await scrollPass();
      const changeAll = await oneChange();
      return { changeBudgeted, changeAll, found: engine.count(), paintedBefore, paintedAll: session.painter.painted, script, firstFrame: deltas[0], frames: deltas, after, budgeted, all };
    },
    async live(extraHtml, intervalMs) {
      const r = await highlight();
      const engine = r.engine;
      let engineTime = 0, ownRecords = 0;
      const proto = Object.getPrototypeOf(engine);
      for (const name of ['slice', 'flush']) {
        const orig = proto[name];
        proto[name] = function (...a) { const t = now(); const x = orig.apply(this, a); engineTime += now() - t; return x; };
      }
      const onRecords = proto.onRecords;
      proto.onRecords = function (records) {
        const t = now();
        for (const rec of records) for (const n of rec.addedNodes) if (n.nodeType === 1 && n.matches('mark.iza-term')) ownRecords++;
        const x = onRecords.call(this, records);
        engineTime += now() - t;
        return x;
      };
      const tpl = document.createElement('template');
      tpl.innerHTML = extraHtml;
      const blocks = [...tpl.content.children];
      const sections = [];
      const appended = [];
      const seen = [];
      // Watches every frame, from the first append on, for the first painted range in each new
      // section (read from the highlight only when it changed: the frame is the page's).
      let watching = true, lastSize = -1;
      const sectionOf = new Map();
      const watch = () => {
        const h = painted();
        if (h && h.size !== lastSize) {
          lastSize = h.size;
          const t = now();
          for (const r of h) {
            const k = sectionOf.get(r.startContainer.parentElement?.closest('section'));
            if (k !== undefined && seen[k] === null) seen[k] = t - appended[k];
          }
        }
        if (watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      for (let i = 0; i < blocks.length; i += 50) {
        await new Promise((res) => (intervalMs > 0 ? setTimeout(res, intervalMs) : requestAnimationFrame(() => res())));
        const s = document.createElement('section');
        s.append(...blocks.slice(i, i + 50));
        document.body.append(s);
        sectionOf.set(s, sections.length);
        sections.push(s);
        appended.push(now());
        seen.push(null);
      }
      const end = now() + 3000;
      while (seen.some((x) => x === null) && now() < end) await new Promise((res) => setTimeout(res, 20));
      watching = false;
      await engine.whenIdle();
      let marks = 0;
      for (const r of painted() ?? []) if (sectionOf.has(r.startContainer.parentElement?.closest('section'))) marks++;
      // Baseline: reading those paragraphs (their DOM is the page's own: nothing is wrapped).
      const copy = document.createElement('div');
      for (const s of sections) copy.append(s.cloneNode(true));
      document.body.append(copy);
      const baseline = baselineOf(copy);
      return { engineTime, baseline, marks, maxLatency: seen.some((x) => x === null) ? 'not all highlighted' : Math.max(...seen), ownRecords };
    },
  };
})();
`;
