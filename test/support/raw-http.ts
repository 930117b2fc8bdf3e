import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given (no client library repairs a malformed request
 * line, escape or header) and reads the whole response of a `Connection: close`
 * exchange. Resolves `undefined` when the server closed the socket without an answer.
 */
export function rawRequest(url: string, request: string | Buffer): Promise<RawResponse | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks))));
    socket.write(request);
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no answer in 30 s to ${String(request).slice(0, 80)}`)));
  });
}

/** A request line, headers (each `name: value`, sent as given) and an optional body, closing the connection after. */
export function httpRequest(method: string, target: string, headers: string[] = [], body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...headers];
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function parseResponse(bytes: Buffer): RawResponse | undefined {
  if (bytes.length === 0) return undefined;
  // An interim answer (100 Continue) comes before the real one.
  if (/^HTTP\/1\.[01] 1\d\d /.test(bytes.subarray(0, 13).toString('latin1'))) return parseResponse(bytes.subarray(bytes.indexOf('\r\n\r\n') + 4));
  const split = bytes.indexOf('\r\n\r\n');
  const head = (split === -1 ? bytes : bytes.subarray(0, split)).toString('latin1');
  const rawBody = split === -1 ? Buffer.alloc(0) : bytes.subarray(split + 4);
  const [statusLine, ...headerLines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rawBody) : rawBody;
  return { status, headers, body: body.toString('utf8') };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
}
