// Tables for the benchmarks' reports: plain text (the first column left-aligned, the figures
// right-aligned, every column as wide as its widest cell) or, with { markdown: true }, a
// Markdown table ready to paste into a README.

export function printTable(header, rows, { markdown = false } = {}) {
  if (markdown) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    console.log(line(header));
    console.log(line(header.map((_, column) => (column === 0 ? '---' : '---:'))));
    for (const row of rows) console.log(line(row));
    console.log('');
    return;
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => '  ' + cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('   ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
