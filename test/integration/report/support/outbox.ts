import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

/** A fresh outbox folder per run, and its .eml files parsed with a real MIME parser. */
export function newOutbox(name: string): string {
  return mkdtempSync(join(tmpdir(), `ocop-outbox-${name}-`));
}

export function emlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => join(dir, file));
}

export interface ParsedEmail {
  file: string;
  raw: string;
  mail: ParsedMail;
  to: string;
}

/** `keepCidLinks` leaves cid: references in the HTML as sent (mailparser otherwise inlines the parts as data: URIs). */
export async function readOutbox(dir: string, options: { keepCidLinks?: boolean } = {}): Promise<Map<string, ParsedEmail>> {
  const byRecipient = new Map<string, ParsedEmail>();
  for (const file of emlFiles(dir)) {
    const raw = readFileSync(file, 'utf8');
    const mail = await simpleParser(raw, { keepCidLinks: options.keepCidLinks ?? false });
    const to = (mail.to as AddressObject).value[0]!.address!;
    byRecipient.set(to, { file, raw, mail, to });
  }
  return byRecipient;
}
