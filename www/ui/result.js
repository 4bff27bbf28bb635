// The views of a checked document, one module per part of the page: what
// app.js loads (a dynamic import) with the first document, not at the
// first visit, which needs only what takes a text in and checks it.
export { renderDocList } from './doclist.js';
export { renderSummary } from './summary.js';
export { FindingsView } from './findings.js';
export { bindKeys } from './keys.js';
export { scrollToLine, showSource } from './source.js';
export { countByTable, renderAllTables, renderTable, renderTablesNav } from './tables.js';
export { renderMemo } from './memo.js';
export { citedKey, el, splitLines } from '../render.js';
