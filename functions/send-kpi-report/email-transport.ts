import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingConfigurationError } from '../shared/configuration-error';

/**
 * Where emails go: Amazon SES v2 in AWS (raw MIME), `.eml` files in the outbox
 * folder locally. `EMAIL_TRANSPORT=outbox|ses` chooses (default `ses`); the
 * outbox needs `OUTBOX_DIR`; SES needs `SENDER_ADDRESS` and takes an optional
 * `SES_CONFIGURATION_SET`.
 */
export interface OutgoingEmail {
  /** The sender's bare address (the envelope sender). */
  from: string;
  /** The recipient's bare address. */
  to: string;
  /** The whole RFC 5322 message. */
  raw: Buffer;
  /** A short name free of personal data for file names and logs, e.g. `2026-W48-sh-1234`. */
  reference: string;
}

export interface SentEmail {
  /** The transport's id of the message (SES MessageId, or the file name). */
  messageId: string;
  /** For the outbox: the file written. */
  location?: string;
}

export interface EmailTransport {
  readonly kind: 'outbox' | 'ses';
  send(email: OutgoingEmail): Promise<SentEmail>;
}

export class EmailSendError extends Error {
  override name = 'EmailSendError';
}

/** Writes each message to `<dir>/<time>-<reference>-<random>.eml`, atomically (temp file, then rename). */
export function outboxTransport(dir: string): EmailTransport {
  return {
    kind: 'outbox',
    async send(email) {
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      const fileName = `${stamp}-${email.reference}-${randomBytes(3).toString('hex')}.eml`;
      const location = join(dir, fileName);
      const temporary = `${location}.tmp`;
      try {
        await writeFile(temporary, email.raw);
        await rename(temporary, location);
      } catch (error) {
        throw new EmailSendError(`Could not write ${email.reference} to the outbox ${dir}`, { cause: error });
      }
      return { messageId: fileName, location };
    },
  };
}

let sesClient: SESv2Client | undefined;

export function sesTransport(configurationSet?: string): EmailTransport {
  sesClient ??= new SESv2Client({ ...(process.env.SES_ENDPOINT && { endpoint: process.env.SES_ENDPOINT }) });
  const client = sesClient;
  return {
    kind: 'ses',
    async send(email) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: email.from,
          Destination: { ToAddresses: [email.to] },
          Content: { Raw: { Data: email.raw } },
          ...(configurationSet && { ConfigurationSetName: configurationSet }),
        }),
      );
      if (!result.MessageId) throw new EmailSendError(`SES returned no MessageId for ${email.reference}`);
      return { messageId: result.MessageId };
    },
  };
}

export const DEFAULT_LOCAL_SENDER = 'bao-cao@ocop-pulse.local';

/** The transport and sender address the environment names. */
export function emailSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): { transport: EmailTransport; senderAddress: string } {
  const kind = env.EMAIL_TRANSPORT ?? 'ses';
  if (kind === 'outbox') {
    if (!env.OUTBOX_DIR) throw new MissingConfigurationError('EMAIL_TRANSPORT=outbox needs OUTBOX_DIR, the folder the .eml files go to');
    return { transport: outboxTransport(env.OUTBOX_DIR), senderAddress: env.SENDER_ADDRESS ?? DEFAULT_LOCAL_SENDER };
  }
  if (kind === 'ses') {
    if (!env.SENDER_ADDRESS) throw new MissingConfigurationError('EMAIL_TRANSPORT=ses needs SENDER_ADDRESS, an address or domain verified in SES');
    return { transport: sesTransport(env.SES_CONFIGURATION_SET || undefined), senderAddress: env.SENDER_ADDRESS };
  }
  throw new MissingConfigurationError(`EMAIL_TRANSPORT=${kind} is not a transport: use "outbox" or "ses"`);
}
