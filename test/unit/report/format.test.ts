import { numberFormats } from '../../../report/format';

describe('numberFormats', () => {
  it('writes Vietnamese numbers with a decimal comma and a dot between thousands', () => {
    // Prepare
    const vi = numberFormats('vi');

    // Act
    const written = [vi.count(1234), vi.count(0.5), vi.count(12.6), vi.percent(0.523), vi.percent(0.5), vi.percent(0.1 + 0.2), vi.percent(0)];

    // Assess
    expect(written).toEqual(['1.234', '0,5', '12,6', '52,3 %', '50 %', '30 %', '0 %']);
  });

  it('writes English numbers with a decimal point and a comma between thousands', () => {
    // Prepare
    const en = numberFormats('en');

    // Act
    const written = [en.count(1234), en.count(0.5), en.percent(0.523), en.percent(1.143)];

    // Assess
    expect(written).toEqual(['1,234', '0.5', '52.3%', '114.3%']);
  });

  it('signs changes, and writes share changes in percentage points', () => {
    // Prepare
    const vi = numberFormats('vi');

    // Act
    const written = [vi.signedCount(3), vi.signedCount(-2), vi.signedCount(0), vi.signedPoints(0.071), vi.signedPoints(-0.025)];

    // Assess
    expect(written).toEqual(['+3', '-2', '0', '+7,1', '-2,5']);
  });

  it('writes days as dd/mm/yyyy in Vietnamese and as "23 Nov 2026" in English', () => {
    // Act
    const days = [numberFormats('vi').day('2026-11-23'), numberFormats('en').day('2026-11-23'), numberFormats('vi').day('2025-01-05')];

    // Assess
    expect(days).toEqual(['23/11/2026', '23 Nov 2026', '05/01/2025']);
  });
});
