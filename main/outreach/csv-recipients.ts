// Recipients from a CSV staff exported from anywhere: a header row naming at least one of a ClubOS
// id, a name (full, or first and last) or a phone column, in any order and case. Rows are read
// tolerantly; a row that names nobody is reported, never silently dropped.
import { parse } from 'csv-parse/sync';
import { AppError } from '../../common/errors/app-error';

export interface CsvRecipient {
  /** 1-based data row (the header does not count). */
  row: number;
  memberId: string | null;
  name: string | null;
  phone: string | null;
}

export const MAX_CSV_ROWS = 5_000;

const ID = /^(clubos[ _-]?)?(member[ _-]?)?id$|^tfo[ _-]?user[ _-]?id$|^user[ _-]?id$/;
const NAME = /^(full[ _-]?)?name$|^member[ _-]?name$/;
const FIRST = /^first[ _-]?name$|^first$|^given[ _-]?name$/;
const LAST = /^last[ _-]?name$|^last$|^surname$|^family[ _-]?name$/;
const PHONE = /^(mobile|cell|phone)([ _-]?(phone|number))?$|^phone[ _-]?number$/;

const norm = (h: string): string => h.trim().toLowerCase();

export function parseRecipientCsv(text: string): CsvRecipient[] {
  let rows: string[][];
  try {
    const parsed: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, record_delimiter: ['\r\n', '\n', '\r'] });
    rows = parsed;
  } catch (error) {
    throw new AppError('invalid_argument', `The CSV could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new AppError('invalid_argument', 'The CSV is empty.');
  const find = (re: RegExp): number => header.findIndex((h) => re.test(norm(h)));
  const col = { id: find(ID), name: find(NAME), first: find(FIRST), last: find(LAST), phone: find(PHONE) };
  if (col.id < 0 && col.name < 0 && col.first < 0 && col.phone < 0) {
    throw new AppError('invalid_argument', 'The CSV needs a header row with an id, name (or first name and last name) or phone column.');
  }
  if (body.length > MAX_CSV_ROWS) throw new AppError('invalid_argument', `The CSV has ${body.length} rows; at most ${MAX_CSV_ROWS} are taken at once.`);
  const cell = (row: string[], i: number): string => (i >= 0 ? (row[i] ?? '').trim() : '');
  return body.map((row, i) => {
    const rawId = cell(row, col.id).replace(/\.0+$/, '');
    const full = cell(row, col.name) || [cell(row, col.first), cell(row, col.last)].filter(Boolean).join(' ');
    const phone = cell(row, col.phone).replace(/[^\d+]/g, '');
    return {
      row: i + 1,
      memberId: /^\d{1,12}$/.test(rawId) ? rawId : null,
      name: full === '' ? null : full,
      phone: phone === '' ? null : phone,
    };
  });
}
