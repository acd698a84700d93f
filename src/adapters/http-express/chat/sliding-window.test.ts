import { SlidingWindow } from './sliding-window.js';

describe('SlidingWindow', () => {
  it('allows max events per key within the window, then again once the oldest left it', () => {
    let now = 0;
    const window = new SlidingWindow(60_000, () => now);

    expect([1, 2, 3].map(() => window.take('ann', 3))).toEqual([true, true, true]);
    expect(window.take('ann', 3)).toBe(false);
    expect(window.take('bob', 3)).toBe(true);
    now = 60_001;
    expect(window.take('ann', 3)).toBe(true);
  });
});
