import { inflateRawSync } from 'node:zlib';
import { registerLabelsFor, type Language } from '../../../report/labels';

/**
 * The checks a file passes before any parser sees it (issue 19): its size,
 * its container, and for an xlsx (a zip) the uncompressed size its central
 * directory announces, so a zip bomb is refused before exceljs inflates it.
 */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** Uncompressed, all entries of an xlsx together: far above a 20,000-row register (about 15 MB). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

export type RegisterFileProblem = 'notAWorkbook' | 'encrypted' | 'tooLarge' | 'zipBomb' | 'noRegisterSheet' | 'hiddenSheet' | 'mergedCells' | 'unknownColumns' | 'missingColumns' | 'duplicateColumns' | 'tooManyRows' | 'empty';

/** A file refused whole: nothing of it is imported. The message is in the officer's language. */
export class RegisterFileError extends Error {
  override name = 'RegisterFileError';
  constructor(
    readonly problem: RegisterFileProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type FileKind = 'xlsx' | 'csv';

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
/** OLE2 / CFB: an encrypted Office file (the password wraps the zip), or an old .xls. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the file is, or a RegisterFileError. A CSV is text: UTF-8 without NUL bytes, named .csv. */
export function checkRegisterFile(file: Buffer, fileName: string, language: Language): FileKind {
  const problems = registerLabelsFor(language).fileProblems;
  if (file.length > MAX_IMPORT_FILE_BYTES) throw new RegisterFileError('tooLarge', problems.tooLarge(MAX_IMPORT_FILE_BYTES / 1024 / 1024));
  if (file.length >= 8 && file.subarray(0, 8).equals(CFB_MAGIC)) throw new RegisterFileError('encrypted', problems.encrypted);
  if (file.length >= 4 && file.readUInt32LE(0) === ZIP_LOCAL_HEADER) {
    const total = uncompressedSize(file);
    if (total === undefined) throw new RegisterFileError('notAWorkbook', problems.notAWorkbook);
    if (total > MAX_UNCOMPRESSED_BYTES) throw new RegisterFileError('zipBomb', problems.zipBomb(MAX_UNCOMPRESSED_BYTES / 1024 / 1024));
    return 'xlsx';
  }
  if (/\.csv$/i.test(fileName) && !file.includes(0) && isUtf8(file)) return 'csv';
  throw new RegisterFileError('notAWorkbook', problems.notAWorkbook);
}

function isUtf8(file: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The uncompressed size of all the zip's entries, measured by inflating each
 * one with a cap (zlib's maxOutputLength), not trusting the sizes the zip
 * announces: a bomb stops at the cap. Undefined when the zip cannot be read
 * (or uses ZIP64 or a compression method an xlsx never uses). Over the cap:
 * Infinity.
 */
export function uncompressedSize(zip: Buffer, cap = MAX_UNCOMPRESSED_BYTES): number | undefined {
  const minEnd = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= minEnd; i--) {
    if (zip.readUInt32LE(i) === ZIP_END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > zip.length) return undefined;
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ZIP_DIRECTORY_ENTRY) return undefined;
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const announced = zip.readUInt32LE(at + 24);
    const localOffset = zip.readUInt32LE(at + 42);
    if (announced === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) return undefined;
    if (total + announced > cap) return Infinity;
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== ZIP_LOCAL_HEADER) return undefined;
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > zip.length) return undefined;
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) total += compressedSize;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: cap - total + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return Infinity;
        return undefined;
      }
    } else return undefined;
    if (total > cap) return Infinity;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
