/** The card's styles. They live inside its shadow root, after a reset, so the page cannot reach them. */
export const CARD_CSS = `
:host { all: initial !important; }
.card {
  --bg: #ffffff; --fg: #1b1b1b; --muted: #4d4d4d; --line: #d0d7de; --accent: #1d5fa8; --chip: #eef4fb;
  position: fixed; box-sizing: border-box; width: min(380px, calc(100vw - 16px)); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18); padding: 12px 14px 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  text-align: left; direction: ltr; z-index: 2147483647; pointer-events: auto;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1e2227; --fg: #eceff1; --muted: #b8c0c8; --line: #3d444d; --accent: #8cc4ff; --chip: #2a3440; box-shadow: 0 8px 28px rgba(0,0,0,.5); }
}
.head { display: flex; align-items: flex-start; gap: 8px; }
.head > div { flex: 1; min-width: 0; }
.term { margin: 0; font-size: 16px; font-weight: 700; line-height: 1.3; }
.full { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.sense { margin: 6px 0 0; color: var(--muted); font-size: 12px; font-style: italic; }
.cat { flex: none; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 1px 8px; margin-top: 2px; }
.close { flex: none; border: 0; background: transparent; color: var(--muted); font-size: 20px; line-height: 1; cursor: pointer; padding: 0 2px; border-radius: 4px; }
.def { margin: 8px 0 0; }
.def.en { color: var(--muted); font-size: 13px; }
.en-name { font-weight: 600; }
.meanings, .related { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; font-size: 13px; }
.meanings > span, .label { color: var(--muted); }
.chip { font: inherit; font-size: 13px; border: 1px solid var(--line); background: var(--chip); color: var(--fg); border-radius: 999px; padding: 1px 9px; cursor: pointer; }
.chip.active { border-color: var(--accent); font-weight: 600; }
.foot { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 4px 10px; font-size: 12px; color: var(--muted); align-items: baseline; }
.foot a { color: var(--accent); }
.actions { margin-left: auto; display: flex; gap: 8px; }
.link { font: inherit; border: 0; background: none; color: var(--accent); cursor: pointer; padding: 0; text-decoration: underline; }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.collection { margin: 6px 0 0; font-size: 12px; font-weight: 600; color: var(--accent); }
.meanings-all { margin-top: 4px; }
.meaning { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 8px; }
.meaning:first-child { border-top: 0; margin-top: 0; }
.meaning-term { margin: 2px 0 0; font-size: 14px; font-weight: 700; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
