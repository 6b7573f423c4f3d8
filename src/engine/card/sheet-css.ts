/**
 * The card on a small screen (below SHEET_BELOW px): a sheet across the whole width, along the
 * bottom or the top edge, scrolling inside itself. Text is 16 px or more and every control is at
 * least 44 px high, for fingers. Placed by CardHost.position (data-sheet on the card).
 */
export const SHEET_CSS = `
.card[data-sheet] {
  border-radius: 14px 14px 0 0; border-width: 1px 0 0; padding: 6px 16px 12px; font-size: 16px; line-height: 1.5;
  overscroll-behavior: contain; -webkit-overflow-scrolling: touch; box-shadow: 0 -6px 24px rgba(0,0,0,.22);
}
.card[data-sheet][data-side=top] { border-radius: 0 0 14px 14px; border-width: 0 0 1px; box-shadow: 0 6px 24px rgba(0,0,0,.22); }
.card[data-sheet] .head { align-items: center; }
.card[data-sheet] .term { font-size: 19px; }
.card[data-sheet] *:not(.term):not(.sr) { font-size: 16px; }
.card[data-sheet] .cat { text-transform: none; letter-spacing: 0; }
.card[data-sheet] .head > .close { min-width: 44px; min-height: 44px; font-size: 26px; margin-right: -8px; }
.card[data-sheet] .chip { min-height: 44px; padding: 4px 14px; }
.card[data-sheet] .foot a, .card[data-sheet] .link { display: inline-flex; align-items: center; min-height: 44px; }
`;
