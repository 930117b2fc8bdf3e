import { awardableStars, levelOf, starsForScore } from '../../../domain';

describe('starsForScore', () => {
  it.each([
    [0, 1],
    [29, 1],
    [29.9, 1],
    [30, 2],
    [49, 2],
    [50, 3],
    [69, 3],
    [69.5, 3],
    [70, 4],
    [89, 4],
    [90, 5],
    [100, 5],
  ])('gives a score of %p %p stars (bands 30/50/70/90)', (score, expected) => {
    // Act
    const stars = starsForScore(score);

    // Assess
    expect(stars).toBe(expected);
  });
});

describe('awardableStars', () => {
  it.each(['district', 'province'] as const)('gives 90+ from the %s council 4 stars with five-star potential', (council) => {
    // Act
    const at90 = awardableStars(90, council);
    const at100 = awardableStars(100, council);

    // Assess
    expect(at90).toEqual({ stars: 4, fiveStarPotential: true });
    expect(at100).toEqual({ stars: 4, fiveStarPotential: true });
  });

  it('gives 5 stars only from the central council', () => {
    // Act
    const central = awardableStars(92, 'central');

    // Assess
    expect(central).toEqual({ stars: 5, fiveStarPotential: false });
  });

  it('follows the bands below 90 whatever the council', () => {
    // Act
    const results = (['district', 'province', 'central'] as const).map((council) => awardableStars(89, council));

    // Assess
    expect(results).toEqual([
      { stars: 4, fiveStarPotential: false },
      { stars: 4, fiveStarPotential: false },
      { stars: 4, fiveStarPotential: false },
    ]);
  });
});

describe('levelOf', () => {
  it('reports 3, 4, 4-potential-5 and 5, and nothing below 3 stars', () => {
    // Act
    const levels = [levelOf(1, false), levelOf(2, false), levelOf(3, false), levelOf(4, false), levelOf(4, true), levelOf(5, false)];

    // Assess
    expect(levels).toEqual([undefined, undefined, '3', '4', '4-potential-5', '5']);
  });
});
