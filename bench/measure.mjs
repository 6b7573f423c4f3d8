// Page-side measuring code for bench/run.mjs (injected as a script; uses window.__iza).
export const MEASURE = String.raw`
(() => {
  const { Engine, createMatcher, matcherData, Mark, buildTrie, unicodePattern, formsOf } = window.__iza;
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
  function baselineOf(root) {
    const times = [];
    for (let i = 0; i < 5; i++) { const t = now(); walk(root); times.push(now() - t); }
    return median(times);
  }
  // The first and last text in the viewport, found before the engine starts, so that checking
  // for "first highlights in view" needs no layout while the engine works (a forced layout of a
  // 5 MB page inside a slice would be charged to the engine).
  function viewportBounds() {
    const at = (y) => {
      for (const x of [innerWidth / 2, 40, innerWidth - 40]) {
        const r = document.caretRangeFromPoint(x, y);
        if (r && r.startContainer.nodeType === 3) return r.startContainer;
      }
      return null;
    };
    return { top: at(2) ?? document.body.firstChild, bottom: at(innerHeight - 2) ?? document.body.lastChild };
  }
  function inViewport(marks, b) {
    const F = Node.DOCUMENT_POSITION_FOLLOWING, C = Node.DOCUMENT_POSITION_CONTAINED_BY;
    for (const m of marks) {
      const afterTop = b.top === m || (b.top.compareDocumentPosition(m) & F) || (m.contains(b.top));
      const beforeBottom = m.contains(b.bottom) || (m.compareDocumentPosition(b.bottom) & (F | C));
      if (afterTop && beforeBottom) return true;
    }
    return false;
  }
  // Longest slice of engine work, measured around the engine's own slice method.
  // Wrapping what scrolls into view (revealVisible) counts as engine work too.
  let longestSlice = 0, engineTime = 0, revealTimes = [];
  for (const name of ['slice', 'revealVisible']) {
    const orig = Engine.prototype[name];
    Engine.prototype[name] = function (...a) {
      const t = now(); const r = orig.apply(this, a); const d = now() - t;
      engineTime += d; longestSlice = Math.max(longestSlice, d);
      if (name === 'revealVisible') revealTimes.push(d);
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
    let start = 0, firstView = null;
    const bounds = viewportBounds();
    const engine = new Engine(document, {
      matcher, allow: (ids) => ids, firstOnly: 'off', styleClass: 'iza-u',
      onChange: () => {
        if (firstView !== null) return;
        const t = now();
        if (inViewport(document.querySelectorAll('mark[data-iza]'), bounds)) firstView = t - start;
      },
    });
    start = now();
    await engine.start();
    const time = now() - start;
    await new Promise((r) => setTimeout(r, 50));
    const frames = stopFrames();
    return { engine, time, engineTime, firstView, longestSlice, frames, marks: document.querySelectorAll('mark[data-iza]').length, found: engine.count() };
  }
  // After the initial pass, as a reader would: from the middle of the page, a screen down every two
  // frames. First 30 screens with nothing else running, timing every frame (engine time per look,
  // and frames over 50 ms with the browser's rendering); then 30 more screens, checking at each
  // stop that every term in view is wrapped (found by the matcher in the text of the blocks in
  // view, compared with the marks inside them). Without an engine: the same timing pass alone.
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
        for (const b of blocks) {
          const copy = b.cloneNode(true);
          for (const m of copy.querySelectorAll('mark[data-iza]')) m.replaceWith(...m.childNodes);
          copy.normalize();
          const w = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
          for (let t = w.nextNode(); t; t = w.nextNode()) expected += matcher.find(t.data).length;
          wrapped += b.querySelectorAll('mark[data-iza]').length;
        }
      }
    }
    window.scrollTo(0, 0);
    return { screens, expected, wrapped, looks, maxLook, total, longFrames: frames.count, longestFrame: frames.longest, longestRender: frames.longestRender, pending: engine ? engine.count() - document.querySelectorAll('mark[data-iza]').length : 0 };
  }
  window.__bench = {
    baseline: () => baselineOf(document.body),
    async full() {
      const heapBefore = heap();
      const r = await highlight();
      const heapAfter = heap();
      window.__engine = r.engine;
      return { time: r.time, engineTime: r.engineTime, firstView: r.firstView, longestSlice: r.longestSlice, frames: r.frames, marks: r.marks, found: r.found, heapBefore, heapAfter };
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
        for (const rec of records) for (const n of rec.addedNodes) if (n.nodeType === 1 && n.matches('mark[data-iza]')) ownRecords++;
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
      // Watches every frame, from the first append on, for the first mark in each new section.
      let watching = true;
      const watch = () => {
        sections.forEach((s, k) => { if (seen[k] === null && s.querySelector('mark[data-iza]')) seen[k] = now() - appended[k]; });
        if (watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      for (let i = 0; i < blocks.length; i += 50) {
        await new Promise((res) => (intervalMs > 0 ? setTimeout(res, intervalMs) : requestAnimationFrame(() => res())));
        const s = document.createElement('section');
        s.append(...blocks.slice(i, i + 50));
        document.body.append(s);
        sections.push(s);
        appended.push(now());
        seen.push(null);
      }
      const end = now() + 3000;
      while (seen.some((x) => x === null) && now() < end) await new Promise((res) => setTimeout(res, 20));
      watching = false;
      await engine.whenIdle();
      let marks = 0;
      for (const s of sections) marks += s.querySelectorAll('mark[data-iza]').length;
      // Baseline: reading those paragraphs, with the marks taken out again so the text is the same.
      const copy = document.createElement('div');
      for (const s of sections) copy.append(s.cloneNode(true));
      for (const m of copy.querySelectorAll('mark[data-iza]')) m.replaceWith(...m.childNodes);
      copy.normalize();
      document.body.append(copy);
      const baseline = baselineOf(copy);
      return { engineTime, baseline, marks, maxLatency: seen.some((x) => x === null) ? 'not all highlighted' : Math.max(...seen), ownRecords };
    },
  };
})();
`;
