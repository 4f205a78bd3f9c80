import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | undefined;

/** One CSV file: its header and rows, in order. */
export interface Table {
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd`, `@SUM`) gets a
 * leading apostrophe: records are user input and auditors open these files in Excel.
 */
function neutralise(cell: Cell): string | number {
  if (cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 text with `\n` line ends: fields quoted where needed, a header line first. */
export function toCsv(table: Table): string {
  return stringify([table.header, ...table.rows.map((row) => row.map(neutralise))], { record_delimiter: 'unix' });
}
