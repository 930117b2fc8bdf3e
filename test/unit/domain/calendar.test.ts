import { addDays, addMonths, daysInclusive, endOfVnDay, isIsoDay, vnDayOf } from '../../../domain';

describe('vnDayOf', () => {
  it.each([
    ['2023-12-31T18:30:00Z', '2024-01-01'],
    ['2023-12-31T16:59:59.999Z', '2023-12-31'],
    ['2023-12-31T17:00:00Z', '2024-01-01'],
    ['2024-01-01T00:30:00+07:00', '2024-01-01'],
    ['2024-01-01T06:00:00+09:00', '2024-01-01'],
  ])('puts %s on the Vietnamese day %s', (instant, expected) => {
    // Act
    const day = vnDayOf(instant);

    // Assess
    expect(day).toBe(expected);
  });

  it('throws on a value that is not a date-time', () => {
    // Act
    const read = () => vnDayOf('hôm qua');

    // Assess
    expect(read).toThrow(RangeError);
  });

  it('maps the end of a Vietnamese day back to that day', () => {
    // Act
    const day = vnDayOf(endOfVnDay('2024-02-29'));

    // Assess
    expect(day).toBe('2024-02-29');
  });
});

describe('calendar arithmetic', () => {
  it('adds months clamping to the end of the month', () => {
    // Assess
    expect(addMonths('2022-12-30', 36)).toBe('2025-12-30');
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', -2)).toBe('2022-11-30');
  });

  it('adds days across a leap day', () => {
    // Assess
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-07-01', 90)).toBe('2024-09-29');
  });

  it('counts days with both ends included', () => {
    // Assess
    expect(daysInclusive('2024-07-01', '2024-07-01')).toBe(1);
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(daysInclusive('2022-07-29', '2025-12-31')).toBe(1252);
  });

  it('recognises real calendar days only', () => {
    // Assess
    expect([isIsoDay('2024-02-29'), isIsoDay('2023-02-29'), isIsoDay('2024-13-01'), isIsoDay('2024-1-01')]).toEqual([true, false, false, false]);
  });
});
