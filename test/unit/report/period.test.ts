import { InvalidPeriodError, parsePeriodId, periodOfDay, periodOfInstant } from '../../../report/period';

describe('report periods (ISO weeks in Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2026-11-23', '2026-W48', '2026-11-23', '2026-11-29'],
    ['2026-11-29', '2026-W48', '2026-11-23', '2026-11-29'],
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'],
    ['2025-11-24', '2025-W48', '2025-11-24', '2025-11-30'],
  ])('puts %s in week %s (%s..%s)', (day, id, start, end) => {
    // Act
    const period = periodOfDay(day);

    // Assess
    expect(period).toMatchObject({ id, start, end });
  });

  it('takes the Vietnamese day of an instant: Sunday 17:30 UTC is already Monday in Trà Vinh', () => {
    // Act
    const period = periodOfInstant('2026-11-22T17:30:00Z');

    // Assess
    expect(period).toMatchObject({ id: '2026-W48', week: 48, weekYear: 2026 });
  });

  it('parses a period id back to the same week', () => {
    // Act
    const parsed = ['2026-W48', '2020-W53', '2025-W01'].map((id) => parsePeriodId(id));

    // Assess
    expect(parsed.map((p) => [p.id, p.start])).toEqual([
      ['2026-W48', '2026-11-23'],
      ['2020-W53', '2020-12-28'],
      ['2025-W01', '2024-12-30'],
    ]);
  });

  it('refuses a malformed id or a week the year does not have', () => {
    // Act
    const attempts = ['2026-48', '2021-W53', '2026-W00'].map((id) => () => parsePeriodId(id));

    // Assess
    for (const attempt of attempts) expect(attempt).toThrow(InvalidPeriodError);
  });
});
