import type { Language } from './labels';

/**
 * Numbers and dates as the reader writes them: vi-VN "1.234", "0,5",
 * "52,3 %", "23/11/2026"; en-GB "1,234", "0.5", "52.3%", "23 Nov 2026".
 */
export interface NumberFormats {
  /** A count or a value with at most one decimal: 1234 → "1.234", 0.5 → "0,5". */
  count(value: number): string;
  /** A share 0..1 as a percentage with at most one decimal: 0.523 → "52,3 %". */
  percent(share: number): string;
  /** A signed difference of counts: +3, -2, 0. */
  signedCount(delta: number): string;
  /** A signed difference of shares in percentage points: +2,5. */
  signedPoints(deltaShare: number): string;
  /** A day `YYYY-MM-DD`. */
  day(isoDay: string): string;
}

const PERCENT_SUFFIX: Record<Language, string> = { vi: ' %', en: '%' };
const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Rounds away float noise (0.1 + 0.2) before formatting, so 29.999999 shows as 30. */
const tidy = (value: number): number => Math.round(value * 1e9) / 1e9;

export function numberFormats(language: Language): NumberFormats {
  const locale = LOCALE[language];
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const englishDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    count: (value) => oneDecimal.format(tidy(value)),
    percent: (share) => `${oneDecimal.format(tidy(share * 100))}${PERCENT_SUFFIX[language]}`,
    signedCount: (delta) => signed.format(tidy(delta)),
    signedPoints: (deltaShare) => signed.format(tidy(deltaShare * 100)),
    day: (isoDay) => {
      const [year, month, day] = isoDay.split('-');
      if (language === 'vi') return `${day}/${month}/${year}`;
      return englishDay.format(new Date(`${isoDay}T00:00:00Z`));
    },
  };
}
