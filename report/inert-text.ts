/**
 * The one rule that keeps text from producers inert in every spreadsheet this
 * system writes (CSV and xlsx: the exports, the import template, the dry-run
 * report). A commune is authenticated, not trusted: a product named
 * `=HYPERLINK("http://…","Bấm vào đây")` must reach Excel and LibreOffice as
 * text, never as a formula, a link or a command (CWE-1236).
 *
 * OWASP "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): a cell
 * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with a single quote, so the spreadsheet shows the text and evaluates
 * nothing; the CSV writer also quotes every field (csv-quoting below).
 *
 * The value stays readable (one apostrophe in front), and the import reads it
 * back: `restoreInertText(inertText(x)) === x` for every string x. A value
 * that already begins with apostrophes before such a character gets one more,
 * so the rule is reversible.
 */
const TRIGGER = /^'*[=+\-@\t\r\n]/;

export function inertText(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

/** The original of a value `inertText` wrote; any other value unchanged. */
export function restoreInertText(value: string): string {
  return value.startsWith("'") && TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}

/** Whether a spreadsheet would evaluate this text if written as is. */
export function needsInerting(value: string): boolean {
  return TRIGGER.test(value);
}
