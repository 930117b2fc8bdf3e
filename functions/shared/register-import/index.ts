/** Importing a province's register (issue 19): the entry point is importRegister. */
export { importRegister, type ImportInput, type ImportOptions, type ImportProgress, type ImportSummary, type RejectedRow } from './import-register';
export { dryRunReport } from './report-workbook';
export { RegisterFileError, MAX_IMPORT_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, checkRegisterFile, uncompressedSize } from './file-guard';
export { readRegisterSheet, MAX_IMPORT_ROWS, type SheetTable } from './read-sheet';
export { dayOf, type ImportedRow, type CellProblem } from './parse-row';
export { eventIdOf, rowEvents } from './row-events';
export { publishEvents, putEventsBatches, PublishError, type PutEventsSender } from './publish';
