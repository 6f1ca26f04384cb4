export type Align = 'left' | 'right';

const escapeCell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Characters as a terminal shows them: the table's text has no combining marks nor wide characters. */
const width = (text: string): number => Array.from(text).length;

/**
 * A GitHub-flavoured Markdown table, columns padded so it also reads as
 * plain text in a terminal.
 */
export const renderTable = (headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string => {
  const cells = [headers, ...rows].map((row) => headers.map((_header, column) => escapeCell(row[column] ?? '')));
  const widths = headers.map((_header, column) => Math.max(3, ...cells.map((row) => width(row[column] ?? ''))));
  const pad = (text: string, column: number) => {
    const gap = ' '.repeat((widths[column] ?? 0) - width(text));
    return align[column] === 'right' ? gap + text : text + gap;
  };
  const line = (row: readonly string[]) => `| ${row.map((text, column) => pad(text, column)).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const [head, ...body] = cells;
  return [line(head ?? []), rule, ...body.map(line)].join('\n');
};
