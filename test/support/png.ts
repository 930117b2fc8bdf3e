import { inflateSync } from 'node:zlib';

/**
 * Decodes a PNG far enough to know it is whole: the signature, the IHDR
 * header, and every IDAT chunk inflated to exactly one filter byte plus one
 * row of pixels per line. Returns the size and the first pixel row's filter types.
 */
export function decodePng(png: Buffer): { width: number; height: number; bitDepth: number; colourType: number; rows: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colourType: number } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8]!, colourType: body[9]! };
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!header || !ended) throw new Error('not a whole PNG: no IHDR or IEND');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[header.colourType as 0 | 2 | 3 | 4 | 6];
  const rowBytes = Math.ceil((header.width * channels * header.bitDepth) / 8);
  const pixels = inflateSync(Buffer.concat(data));
  if (pixels.length !== header.height * (rowBytes + 1)) throw new Error(`PNG data of ${pixels.length} bytes for ${header.width}×${header.height}`);
  return { ...header, rows: header.height };
}
