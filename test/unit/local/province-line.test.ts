import { provinceLine } from '../../../local/province-line';

describe('provinceLine', () => {
  it('prints the province of today, since when, and the one before', () => {
    // Act
    const today = provinceLine('2026-12-06');
    const in2024 = provinceLine('2024-06-01');

    // Assess
    expect(today).toBe('Vĩnh Long (86) since 2025-07-01; before: Trà Vinh (84)');
    expect(in2024).toBe('Trà Vinh (84)');
  });
});
