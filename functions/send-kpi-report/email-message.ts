import MailComposer from 'nodemailer/lib/mail-composer';

/**
 * An RFC 5322 message with an HTML part and its plain-text alternative
 * (multipart/alternative, UTF-8, encoded words in headers), built by
 * nodemailer's MailComposer rather than by hand.
 */
export interface Mailbox {
  name?: string;
  address: string;
}

export interface EmailContent {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  html: string;
  text: string;
  date: Date;
  /** e.g. `<2026-W48.sh-1234@ocop-pulse>` */
  messageId: string;
  headers?: Record<string, string>;
  /** Pictures the HTML shows by `cid:` (multipart/related). */
  inlineImages?: readonly { cid: string; fileName: string; png: Buffer }[];
}

export async function composeMime(content: EmailContent): Promise<Buffer> {
  const composer = new MailComposer({
    from: content.from,
    to: content.to,
    subject: content.subject,
    text: content.text,
    html: content.html,
    date: content.date,
    messageId: content.messageId,
    textEncoding: 'quoted-printable',
    headers: { 'Auto-Submitted': 'auto-generated', ...content.headers },
    attachments: (content.inlineImages ?? []).map((image) => ({
      cid: image.cid,
      filename: image.fileName,
      content: image.png,
      contentType: 'image/png',
      contentDisposition: 'inline' as const,
    })),
  });
  return composer.compile().build();
}
