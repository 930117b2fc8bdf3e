import { Cron } from 'croner';
import { schedules } from '../../../functions/triggers';
import { InvalidScheduleExpressionError, toCronerPattern } from '../../../local/schedules';

describe('toCronerPattern', () => {
  it('turns the EventBridge expressions of the schedules into croner patterns', () => {
    // Act
    const patterns = Object.fromEntries(schedules.map((s) => [s.id, toCronerPattern(s.expression)]));

    // Assess
    expect(patterns).toEqual({ 'weekly-kpi-report': '0 7 * * MON', 'daily-snapshot': '1 0 * * *', 'announce-rejections': '0,15,30,45 * * * *' });
  });

  it('numbers weekdays as EventBridge does: 1 is Sunday', () => {
    // Act
    const pattern = toCronerPattern('cron(30 6 ? * 2-6 *)');

    // Assess
    expect(pattern).toBe('30 6 * * MON-FRI');
  });

  it('fires the weekly report on Monday at 07:00 in Asia/Ho_Chi_Minh, which is 00:00 UTC', () => {
    // Prepare
    const weekly = schedules.find((s) => s.id === 'weekly-kpi-report')!;
    const job = new Cron(toCronerPattern(weekly.expression), { timezone: weekly.timeZone, paused: true });

    // Act
    const next = job.nextRun(new Date('2026-11-24T12:00:00Z'));

    // Assess
    expect(next?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('refuses what it cannot run locally, saying why', () => {
    // Act
    const attempts = [() => toCronerPattern('rate(5 minutes)'), () => toCronerPattern('cron(0 7 ? * MON 2027)')];

    // Assess
    expect(attempts[0]).toThrow(InvalidScheduleExpressionError);
    expect(attempts[1]).toThrow(/only "\*" as the year/);
  });
});
