// @vitest-environment happy-dom
/**
 * The text walk as the engine uses it on a page that is still being parsed: a forward walk that
 * has reached the end of what exists resumes after it when more is added (also when it ended at
 * an excluded element the parser was still filling), and a walk bounded by `until` stops there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTextWalk, type TextWalk } from '../../src/content/walker';

const hooks = { onShadowRoot: () => undefined };

function drain(w: TextWalk): string[] {
  const out: string[] = [];
  for (let t = w.next(); t !== null; t = w.next()) out.push(t.data);
  return out;
}

describe('createTextWalk', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p>een</p><p>twee <b>drie</b></p>';
  });

  it('resumes after the last node when the page adds more, without walking the start again', () => {
    const w = createTextWalk(document.body, hooks);
    expect(drain(w)).toEqual(['een', 'twee ', 'drie']);
    document.body.insertAdjacentHTML('beforeend', '<p>vier</p>');
    document.querySelector('b')!.append(' vijf');
    expect(drain(w)).toEqual([' vijf', 'vier']);
    expect(w.next()).toBeNull();
  });

  it('ended at an excluded element, it steps over that element again and resumes after it', () => {
    document.body.insertAdjacentHTML('beforeend', '<script>var a = 1;</script>');
    const w = createTextWalk(document.body, hooks);
    expect(drain(w)).toEqual(['een', 'twee ', 'drie']);
    const script = document.querySelector('script')!;
    script.append(' var b = 2;'); // Still being filled: never walked.
    expect(w.next()).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<p>na het script</p>');
    expect(drain(w)).toEqual(['na het script']);
  });

  it('a walk bounded by `until` ends with that node', () => {
    document.body.insertAdjacentHTML('beforeend', '<p id="x">vier</p><p>vijf</p>');
    const until = document.getElementById('x')!.firstChild!;
    expect(drain(createTextWalk(document.body, hooks, { until }))).toEqual(['een', 'twee ', 'drie', 'vier']);
    // Bounded by an element: the text before it only.
    expect(drain(createTextWalk(document.body, hooks, { until: document.getElementById('x')! }))).toEqual(['een', 'twee ', 'drie']);
  });

  it('position() tells where a walk stands', () => {
    const w = createTextWalk(document.body, hooks);
    w.next();
    expect((w.position() as Text).data).toBe('een');
  });
});
