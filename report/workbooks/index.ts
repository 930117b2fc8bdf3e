/** The workbook layouts (they load exceljs): the routes require this module on their first spreadsheet request. */
export * from './kpi-workbook';
export * from './product-register';
export * from './table-sheet';
export * from './import-template';
