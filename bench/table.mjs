// A plain-text table for the benchmarks' reports: the first column left-aligned, the figures
// right-aligned, every column as wide as its widest cell.

export function printTable(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => '  ' + cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('   ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
