// The bench's Markdown tables: a header, an alignment row, one line per row; the `left` columns are left-aligned
// (text), the others right-aligned (figures).

export const renderTable = (head: string[], body: string[][], left: (column: number) => boolean): string => {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (left(i) ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
};
