import { InvalidPlanError, parsePlan, planInForce, plansOn, type Plan } from '../../../domain';
import { PLAN_53_KH_UBND } from '../../support/shipped-data';

const plan = (id: string, start: string, end: string) => ({
  id,
  title: `Kế hoạch ${id}`,
  provinceCode: '84',
  period: { start, end },
  targets: { 'ocop.recognized.year': { value: 40 } },
});

describe('parsePlan', () => {
  it('reads the default plan: Plan 53/KH-UBND, 2022-07-29 .. 2025-12-31, with the targets of CONTRACT §2', () => {
    // Assess
    expect(PLAN_53_KH_UBND.period).toEqual({ start: '2022-07-29', end: '2025-12-31' });
    expect(PLAN_53_KH_UBND.targets['ocop.recognized.year']).toEqual({ value: 40, stretch: 50, comparison: 'atLeast' });
    expect(PLAN_53_KH_UBND.targets['traceability.coverage']).toEqual({ value: 0.5, comparison: 'moreThan' });
    expect(PLAN_53_KH_UBND.targets['ecommerce.coverage']).toEqual({ value: 0.7, comparison: 'moreThan' });
    expect(Object.fromEntries(Object.entries(PLAN_53_KH_UBND.targets).filter(([id]) => id.startsWith('ip.')).map(([id, t]) => [id, t.value]))).toEqual({
      'ip.collective_mark': 10,
      'ip.ordinary_mark': 50,
      'ip.industrial_design': 10,
      'ip.patent': 5,
      'ip.international_mark': 5,
      'ip.certification_mark': 13,
      'ip.geographical_indication': 2,
    });
    expect(PLAN_53_KH_UBND.targets['science.tasks']?.value).toBe(15);
  });

  it('defaults a target comparison to atLeast', () => {
    // Act
    const parsed = parsePlan(plan('next', '2026-01-01', '2030-12-31'));

    // Assess
    expect(parsed.targets['ocop.recognized.year']).toEqual({ value: 40, comparison: 'atLeast' });
  });

  it('names an unknown indicator id and lists the known ones', () => {
    // Prepare
    const data = { ...plan('typo', '2026-01-01', '2030-12-31'), targets: { 'ocop.recognised.year': { value: 40 } } };

    // Act
    const parse = () => parsePlan(data, 'plans/2026-2030.plan.json');

    // Assess
    expect(parse).toThrow(InvalidPlanError);
    expect(parse).toThrow(/plans\/2026-2030\.plan\.json/);
    expect(parse).toThrow(/at targets\["ocop\.recognised\.year"\]/);
    expect(parse).toThrow(/unknown indicator id; known: ocop\.active, ocop\.recognized\.year/);
  });

  it.each([
    ['a start after its end', plan('backwards', '2030-12-31', '2026-01-01'), /period\.start must not be after period\.end/],
    ['a date that does not exist', plan('bad-date', '2026-02-30', '2030-12-31'), /must be a date YYYY-MM-DD\s+→ at period\.start/],
    ['a date written D/M/YYYY', plan('bad-format', '1/1/2026', '2030-12-31'), /must be a date YYYY-MM-DD\s+→ at period\.start/],
  ])('rejects a period with %s', (_case, data, expected) => {
    // Act
    const parse = () => parsePlan(data);

    // Assess
    expect(parse).toThrow(InvalidPlanError);
    expect(parse).toThrow(expected);
  });

  it('rejects a negative target and keeps the zod error as its cause', () => {
    // Prepare
    const data = { ...plan('negative', '2026-01-01', '2030-12-31'), targets: { 'science.tasks': { value: -1 } } };

    // Act
    let error: unknown;
    try {
      parsePlan(data);
    } catch (caught) {
      error = caught;
    }

    // Assess
    expect(error).toBeInstanceOf(InvalidPlanError);
    expect((error as Error).message).toMatch(/expected number to be >=0\s+→ at targets\["science\.tasks"\]\.value/);
    expect((error as Error).cause).toBeDefined();
  });
});

describe('plansOn', () => {
  const plans: Plan[] = [parsePlan(plan('2026-2030', '2026-01-01', '2030-12-31')), PLAN_53_KH_UBND];

  it.each([
    ['2024-07-01', 'tra-vinh-53-kh-ubnd'],
    ['2022-07-29', 'tra-vinh-53-kh-ubnd'],
    ['2025-12-31', 'tra-vinh-53-kh-ubnd'],
    ['2026-01-01', '2026-2030'],
    ['2030-12-31', '2026-2030'],
  ])('on %s has in force the plan whose period holds the day (%s)', (day, expected) => {
    // Act
    const inForce = planInForce(plans, day);

    // Assess
    expect(inForce?.id).toBe(expected);
  });

  it('has no plan in force after every period, and says since when and which plan ended', () => {
    // Act
    const after = plansOn(plans, '2031-06-01');
    const onlyPlan53 = plansOn([PLAN_53_KH_UBND], '2026-12-06');

    // Assess
    expect(after.inForce).toBeUndefined();
    expect(after).toMatchObject({ since: '2031-01-01', ended: { id: '2026-2030' } });
    expect(onlyPlan53.inForce).toBeUndefined();
    expect(onlyPlan53).toMatchObject({ since: '2026-01-01', ended: { id: 'tra-vinh-53-kh-ubnd' } });
  });

  it('has no plan in force in a gap between two plans, and names the next', () => {
    // Act
    const gap = plansOn([parsePlan(plan('a', '2020-01-01', '2020-12-31')), parsePlan(plan('b', '2022-01-01', '2022-12-31'))], '2021-06-01');

    // Assess
    expect(gap.inForce).toBeUndefined();
    expect(gap.since).toBe('2021-01-01');
    expect(gap.ended?.id).toBe('a');
    expect(gap.next?.id).toBe('b');
  });

  it('has no plan in force before any plan begins, and no since', () => {
    // Act
    const before = plansOn(plans, '2021-01-01');

    // Assess
    expect(before.inForce).toBeUndefined();
    expect(before.since).toBeUndefined();
    expect(before.next?.id).toBe('tra-vinh-53-kh-ubnd');
  });

  it('has nothing when no plan is loaded', () => {
    // Act
    const none = plansOn([], '2024-01-01');

    // Assess
    expect(none).toEqual({});
  });

  it('names the plan that ended before a day while a later one is in force', () => {
    // Act
    const in2027 = plansOn(plans, '2027-03-01');

    // Assess
    expect(in2027.inForce?.id).toBe('2026-2030');
    expect(in2027.ended?.id).toBe('tra-vinh-53-kh-ubnd');
    expect(in2027.since).toBeUndefined();
  });
});
