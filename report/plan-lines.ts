// Types only from the domain: the dashboard bundles this module (no zod).
import type { KpiSnapshot, SnapshotNote } from '../domain';
import type { NumberFormats } from './format';
import type { ReportLabels } from './labels';

/**
 * What a reader must know to read the day's figures, for the email, the dashboard and the workbooks: the province
 * formed by a merger, the plan in force (its last day gives final results) or that none is and since when, and the
 * notes of the day.
 */
export function provinceAndPlanLines(snapshot: KpiSnapshot, labels: ReportLabels, format: NumberFormats): string[] {
  const lines: string[] = [];
  const { province } = snapshot;
  if (province.since !== undefined && province.formedFrom) {
    lines.push(labels.provinceLine(province.name, format.day(province.since), labels.listOf(province.formedFrom.map((p) => p.name))));
  }
  if (snapshot.plan) {
    lines.push(labels.planLine(snapshot.plan.title));
    if (snapshot.plan.period.end === snapshot.asOfDay) lines.push(labels.finalLine(format.day(snapshot.asOfDay)));
  } else {
    const next = snapshot.noPlan?.next;
    const since = snapshot.noPlan?.since;
    lines.push(labels.noPlanLine(since === undefined ? undefined : format.day(since), next && { title: next.title, start: format.day(next.period.start) }));
  }
  for (const note of snapshot.notes ?? []) lines.push(noteText(note, labels, format));
  return lines;
}

export function noteText(note: SnapshotNote, labels: ReportLabels, format: NumberFormats): string {
  return labels.mergedYearNote(note.year, format.day(note.since), note.province.name, labels.listOf(note.formedFrom.map((p) => p.name)));
}

