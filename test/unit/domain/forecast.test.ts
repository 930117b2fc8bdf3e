import { forecastCount } from '../../../domain';

describe('forecastCount', () => {
  const year2025 = { start: '2025-01-01', end: '2025-12-31' };

  it('projects the count to the end of the period at the pace so far', () => {
    // Prepare: 30 in the first 73 days of a 365-day year (1 Jan .. 14 Mar, both included).
    const value = 30;

    // Act
    const forecast = forecastCount(value, 120, year2025, '2025-03-14');

    // Assess: 30 × 365 / 73 = 150 ≥ 120.
    expect(forecast).toEqual({ value: 150, periodEnd: '2025-12-31', at_risk: false });
  });

  it('marks at_risk when the projection falls short of the target', () => {
    // Prepare: 10 in 73 days.
    // Act
    const forecast = forecastCount(10, 120, year2025, '2025-03-14');

    // Assess: 10 × 365 / 73 = 50 < 120.
    expect(forecast).toEqual({ value: 50, periodEnd: '2025-12-31', at_risk: true });
  });

  it('is the value itself once the period is over', () => {
    // Act
    const forecast = forecastCount(119, 120, year2025, '2026-02-01');

    // Assess
    expect(forecast).toEqual({ value: 119, periodEnd: '2025-12-31', at_risk: true });
  });

  it('gives no forecast before the period starts, when there is no pace yet', () => {
    // Act
    const forecast = forecastCount(0, 120, year2025, '2024-12-31');

    // Assess
    expect(forecast).toBeUndefined();
  });

  it('on the first day of the period, projects that day over the whole period', () => {
    // Act
    const forecast = forecastCount(1, 400, year2025, '2025-01-01');

    // Assess: 1 × 365 / 1 = 365 < 400.
    expect(forecast).toEqual({ value: 365, periodEnd: '2025-12-31', at_risk: true });
  });

  it('rounds to two decimals and judges the unrounded projection', () => {
    // Prepare: 2 in 3 days of a 10-day period → 6.666… ; target 6.67 is above the exact projection.
    const period = { start: '2025-05-01', end: '2025-05-10' };

    // Act
    const forecast = forecastCount(2, 6.67, period, '2025-05-03');

    // Assess
    expect(forecast).toEqual({ value: 6.67, periodEnd: '2025-05-10', at_risk: true });
  });
});
