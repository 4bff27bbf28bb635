// Taking the result away: the engine's findings CSV, the engine's Excel
// workbook, the full report as JSON, and the print memo. Files are made in
// the page (Blob + <a download>): nothing leaves the machine.

/** Base of the exported file names: the document's name without .txt. */
export function baseName(doc) {
  const name = (doc.name || 'budget').replace(/\.[^.]+$/, '');
  return name.replace(/[\\/:*?"<>|]+/g, '_') || 'budget';
}

export function download(filename, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; give it a moment regardless.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function exportCsv(engine, doc) {
  const csv = await engine.findingsCsv(doc.text, doc.name, doc.source);
  const filename = `${baseName(doc)}-问题清单.csv`;
  download(filename, csv, 'text/csv;charset=utf-8');
  return filename;
}

export async function exportXlsx(engine, doc) {
  const bytes = await engine.exportXlsx(doc.text, doc.source);
  const filename = `${baseName(doc)}-审核.xlsx`;
  download(filename, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return filename;
}

export function exportJson(doc) {
  const filename = `${baseName(doc)}-report.json`;
  download(filename, `${JSON.stringify(doc.report, null, 2)}\n`, 'application/json');
  return filename;
}
