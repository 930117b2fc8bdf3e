import { renderHtml } from './html';
import { labelsFor } from './labels';
import { buildReportModel, type ReportInput } from './model';
import { renderText } from './text';

/**
 * The KPI email, rendered: pure (no I/O, no AWS). The sender adds the
 * addresses and builds the MIME message.
 */
export interface RenderedReport {
  subject: string;
  html: string;
  text: string;
  /** Display name of the sender, e.g. "OCOP Trà Vinh". */
  senderName: string;
}

export function renderKpiReport(input: ReportInput): RenderedReport {
  const model = buildReportModel(input);
  return {
    subject: model.subject,
    html: renderHtml(model),
    text: renderText(model),
    senderName: labelsFor(input.recipient.language).senderName(input.snapshot.province.name),
  };
}

export { DEFAULT_LANGUAGE, LANGUAGES, uiLabelsFor, type Language } from './labels';
export { PROVINCE_RECIPIENT_SCOPE, type ReportInput, type ReportRecipient } from './model';
export { InvalidPeriodError, parsePeriodId, periodOfDay, periodOfInstant, type ReportPeriod } from './period';
