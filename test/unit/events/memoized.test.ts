import { memoized } from '../../../events/memoized';

describe('memoized', () => {
  it('builds nothing until first asked, then builds once and answers the same value', () => {
    // Prepare
    let builds = 0;
    const value = memoized(() => ({ built: ++builds }));

    // Act
    const before = builds;
    const first = value();
    const second = value();

    // Assess
    expect(before).toBe(0);
    expect(builds).toBe(1);
    expect(second).toBe(first);
  });

  it('keeps a built undefined rather than building again', () => {
    // Prepare
    let builds = 0;
    const value = memoized(() => {
      builds++;
      return undefined;
    });

    // Act
    value();
    value();

    // Assess
    expect(builds).toBe(1);
  });
});
