import type { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseInboundEvent, type InboundEvent } from '../../../events';
import {
  activeCertificateOn,
  checkEventRules,
  computeSnapshot,
  endOfVnDay,
  firstRecognition,
  productIdProblem,
  projectHistory,
  type KpiSnapshot,
  type ProductState,
  type ProductVerdict,
} from '../../../domain';
import { rowEvents } from '../../../functions/shared/register-import/row-events';
import { demoHistory, DEMO_REGISTERS, formerRegister } from '../../../local/demo/demo-history';
import { demoUnitDirectory } from '../../../local/demo/demo-units';
import { importDemoRegister, writeDemoRegister } from '../../../local/demo/register-workbooks';
import { DEPLOYMENT_PROVINCE, PLAN_53_KH_UBND } from '../../support/shipped-data';

/** What the import publishes for a register, from its rows (the workbook gives the same events: see below). */
function importedEvents(province: '86' | '83', importDay: string): InboundEvent[] {
  return formerRegister(province).flatMap(({ level: _level, active: _active, ...row }) => rowEvents(row, undefined, importDay).map((e) => e.event));
}

type Split = Record<string, number>;

function splitOn(products: readonly ProductState[], day: string): Split {
  const split: Split = { total: 0 };
  for (const product of products) {
    const certificate = activeCertificateOn(product, day);
    if (!certificate?.level) continue;
    split.total! += 1;
    split[certificate.level] = (split[certificate.level] ?? 0) + 1;
  }
  return split;
}

function ownersOn(products: readonly ProductState[], day: string): Split {
  const owners = new Map<string, string>();
  for (const product of products) if (activeCertificateOn(product, day)) owners.set(product.registration.subject.name, product.registration.subject.kind);
  const byKind: Split = { total: owners.size };
  for (const kind of owners.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;
  return byKind;
}

describe('the demo of the merged province (Trà Vinh, then the registers of the former Vĩnh Long and Bến Tre, then the merged Vĩnh Long)', () => {
  let events: InboundEvent[];
  let products: ProductState[];
  let verdicts: Map<string, ProductVerdict>;
  let snapshotOn: (day: string) => KpiSnapshot;

  beforeAll(() => {
    // Prepare: the events in the order npm start publishes them, folded as the projections do
    const { before, registers, after, importDay } = demoHistory();
    events = [...before, ...registers.flatMap((register) => importedEvents(register.province, importDay)), ...after];
    const units = demoUnitDirectory();
    const folded = projectHistory(events, units);
    verdicts = folded.verdicts;
    products = [...folded.states.values()].filter((state): state is ProductState => 'productId' in state && 'registration' in state);
    snapshotOn = (day) => computeSnapshot(folded.inputs, { asOf: endOfVnDay(day), plans: [PLAN_53_KH_UBND], province: DEPLOYMENT_PROVINCE, units });
  });

  const ofFormerVinhLong = () => products.filter((p) => /^86-\d{3}-/.test(p.productId));
  const ofBenTre = () => products.filter((p) => p.productId.startsWith('83-'));
  const ofTraVinh = () => products.filter((p) => p.productId.startsWith('TV'));

  it('publishes valid events, every one accepted, none waiting for a registration', () => {
    // Act
    const units = demoUnitDirectory();
    const problems = events.flatMap((event) => {
      const parsed = parseInboundEvent({ source: event.source, 'detail-type': event.detailType, detail: JSON.parse(JSON.stringify(event.detail)) });
      if (!parsed.ok) return [`${event.detail.eventId}: ${parsed.reasons.join('; ')}`];
      return checkEventRules(parsed.event, units).map((reason) => `${event.detail.eventId}: ${reason}`);
    });
    const notAccepted = events.filter((e) => verdicts.get(e.detail.eventId)?.verdict !== 'accepted').map((e) => e.detail.eventId);
    const ids = events.map((e) => e.detail.eventId);

    // Assess
    expect(problems).toEqual([]);
    expect(notAccepted).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps Trà Vinh's figures: 184 active on 31/12/2022 (Trà Vinh's products only then), 393 recognised by 15/1/2025", () => {
    // Act
    const end2022 = splitOn(ofTraVinh(), '2022-12-31');
    const snapshot = snapshotOn('2022-12-31');
    const recognised = ofTraVinh().filter((p) => firstRecognition(p, '2025-01-15')).length;

    // Assess
    expect(end2022).toEqual({ total: 184, '3': 137, '4': 38, '4-potential-5': 9 });
    // The deployment's province that day is Trà Vinh: the two other registers' products of 2022 do not count.
    expect(snapshot.indicators.find((i) => i.id === 'ocop.active')!.value).toBe(184);
    expect(recognised).toBe(393);
  });

  it('gives the former Vĩnh Long 230 products on 30/4/2025 (2 at 5 stars, 79 at 4, 149 at 3) from 133 owners as published', () => {
    // Act
    const april = splitOn(ofFormerVinhLong(), '2025-04-30');
    const owners = ownersOn(ofFormerVinhLong(), '2025-04-30');
    const in2024 = formerRegister('86').filter((row) => row.decisionDate!.startsWith('2024') && row.council !== 'central');

    // Assess
    expect(april).toEqual({ total: 230, '5': 2, '4': 79, '3': 149 });
    expect(owners).toEqual({ total: 133, enterprise: 30, cooperative: 31, cooperative_group: 6, household: 66 });
    expect(in2024.filter((row) => row.council === 'district' && row.stars === 3)).toHaveLength(63);
    expect(in2024.filter((row) => row.council === 'province' && row.stars === 4)).toHaveLength(35);
  });

  it('gives Bến Tre 316 products recognised by the end of 2024 (68 in 2024) from 159 owners, and 252 in force on 30/6/2025', () => {
    // Act
    const recognised = ofBenTre().filter((p) => firstRecognition(p, '2024-12-31'));
    const owners = new Map(recognised.map((p) => [p.registration.subject.name, p.registration.subject.kind]));
    const byKind: Split = {};
    for (const kind of owners.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;
    const in2024 = formerRegister('83').filter((row) => row.decisionDate!.startsWith('2024'));

    // Assess
    expect(recognised).toHaveLength(316);
    expect(owners.size).toBe(159);
    expect(byKind).toEqual({ enterprise: 39, cooperative: 31, cooperative_group: 3, household: 86 });
    expect([3, 4, 5].map((stars) => in2024.filter((row) => row.stars === stars).length)).toEqual([56, 11, 1]);
    expect(splitOn(ofBenTre(), '2025-06-30').total).toBe(252);
  });

  it('reports the merged province on 26/11/2025: 1,137 active (13 at 5 stars, 6 with five-star potential, 202 at 4, 916 at 3), 149 first recognised in 2025', () => {
    // Act
    const snapshot = snapshotOn('2025-11-26');
    const active = snapshot.indicators.find((i) => i.id === 'ocop.active')!.value;
    const recognised = snapshot.indicators.find((i) => i.id === 'ocop.recognized.year')!.value;
    const levels = Object.fromEntries(Object.entries(snapshot.breakdown.byLevel).map(([level, { active: n }]) => [level, n]));
    const firstIn2025: Split = {};
    for (const product of products) {
      const first = firstRecognition(product, '2025-11-26');
      if (first && first.decisionDate >= '2025-01-01') firstIn2025[first.level!] = (firstIn2025[first.level!] ?? 0) + 1;
    }

    // Assess
    expect(active).toBe(1137);
    expect(levels).toEqual({ '5': 13, '4-potential-5': 6, '4': 202, '3': 916 });
    expect(recognised).toBe(149);
    expect(firstIn2025).toEqual({ '3': 130, '4': 18, '4-potential-5': 1 });
    expect(Object.keys(snapshot.breakdown.unassigned ?? {})).toEqual([]);
  });

  it("numbers the registers' products by the merged register's scheme, and registers every product after 1/7/2025 in a commune", () => {
    // Act
    const problems = products.flatMap((p) => {
      const problem = productIdProblem(p.productId, p.registration.registeredOn);
      return problem ? [problem] : [];
    });
    const fromRegisters = products.filter((p) => /^8[36]-\d{3}-/.test(p.productId));
    // Trà Vinh's demo keeps its own ids (TV842-…), outside the scheme, as before.
    const after = products.filter((p) => p.registration.registeredOn >= '2025-07-01' && !p.productId.startsWith('TV'));

    // Assess
    expect(problems).toEqual([]);
    expect(fromRegisters.length).toBeGreaterThan(600);
    expect(fromRegisters.every((p) => p.registration.registeredOn < '2025-07-01' && p.registration.districtCode.length === 3)).toBe(true);
    expect(after.length).toBeGreaterThan(50);
    expect(after.every((p) => /^86-\d{5}-\d{4}$/.test(p.productId) && p.registration.districtCode.length === 5)).toBe(true);
  });

  it('writes each register as a workbook that importRegister reads back and publishes as the same events', async () => {
    // Prepare: a PutEvents client that keeps what it is sent
    const dir = mkdtempSync(join(tmpdir(), 'ocop-demo-registers-'));
    const register = DEMO_REGISTERS[1]!;
    const sent: string[] = [];
    const client = {
      send: async (command: PutEventsCommand) => {
        const entries = command.input.Entries ?? [];
        sent.push(...entries.map((entry) => (JSON.parse(entry.Detail!) as { eventId: string }).eventId));
        return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'x' })), $metadata: {} };
      },
    };

    try {
      // Act
      const path = await writeDemoRegister(dir, register);
      const summary = await importDemoRegister(path, { client, eventBusName: 'ocop-pulse', today: demoHistory().importDay, directory: demoUnitDirectory() });

      // Assess
      expect(summary.rejected).toEqual([]);
      expect(summary.rowsRead).toBe(formerRegister(register.province).length);
      expect(sent.sort()).toEqual(importedEvents(register.province, demoHistory().importDay).map((e) => e.detail.eventId).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
