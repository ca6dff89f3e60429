// CSV that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, CRLF line ends, fields
// quoted where needed, and text that Excel would run as a formula (=, +, -, @ first) defused with a quote.
// Pure.

const BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;

function field(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** An instant as China Standard Time wall time, "2026-11-21 08:05:00", as a duty officer reads it. */
export function cstTime(at: Date | null): string {
  if (!at) return '';
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
