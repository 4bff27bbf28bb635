// Positioned runs → the TAB-shaped text the engine reads, and each line's
// page and box (the `Extracted.places` of src/read/mod.rs). A stand-in
// while the engine's own geometry rebuild (src/read/pdf/, branch `pdf`) is
// not in the wasm: once it is, the page sends the runs to `validate_pdf`
// and the page and the CLI read a PDF the same way. Until then this is the
// simple reading: one line per baseline band, runs joined left to right,
// a TAB where a vertical ruling line stands between two runs or their gap
// is wider than a character.
//
// Pure (no DOM): the node test runs it too.

/**
 * @param {{page:number, x:number, y:number, width:number, height:number, text:string}[]} runs
 * @param {{page:number, x1:number, y1:number, x2:number, y2:number}[]} [segments]
 * @returns {{text: string, places: ({kind:'pdf', page:number, x:number, y:number, width:number, height:number}|null)[]}}
 */
export function linesFromRuns(runs, segments = []) {
  const rules = new Map();
  for (const s of segments) {
    if (s.x1 !== s.x2) continue;
    if (!rules.has(s.page)) rules.set(s.page, []);
    rules.get(s.page).push(s);
  }
  const byPage = new Map();
  for (const r of runs) {
    if (!byPage.has(r.page)) byPage.set(r.page, []);
    byPage.get(r.page).push(r);
  }
  const out = [];
  const places = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    for (const line of bands(byPage.get(page))) {
      out.push(join(line, rules.get(page) || []));
      places.push(box(page, line));
    }
  }
  return { text: out.join('\n'), places };
}

/** Runs grouped by vertical overlap of their middles, top to bottom. */
function bands(runs) {
  const sorted = runs.slice().sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const lines = [];
  let cur = null;
  for (const r of sorted) {
    const mid = r.y + r.height / 2;
    if (cur && Math.abs(mid - cur.mid) <= Math.max(2, Math.min(cur.height, r.height) * 0.5)) {
      cur.runs.push(r);
    } else {
      cur = { mid, height: r.height, runs: [r] };
      lines.push(cur);
    }
  }
  return lines.map((l) => l.runs.sort((a, b) => a.x - b.x));
}

function join(runs, rules) {
  let s = '';
  let end = null;
  for (const r of runs) {
    if (end !== null) {
      const gap = r.x - end;
      const em = Math.max(1, r.height);
      const mid = r.y + r.height / 2;
      // Each ruling line crossed is a cell boundary: two crossed, an empty
      // cell between (a blank is not zero: it must stay a cell).
      const crossed = new Set(
        rules.filter((v) => v.x1 >= end - 1 && v.x1 <= r.x + 1 && v.y1 <= mid && v.y2 >= mid).map((v) => Math.round(v.x1)),
      ).size;
      if (crossed) s += '\t'.repeat(crossed);
      else if (gap > em) s += '\t';
      else if (gap > em * 0.3 && /[\x21-\x7e]$/.test(s) && /^[\x21-\x7e]/.test(r.text)) s += ' ';
    }
    s += r.text.replace(/\t/g, ' ');
    end = Math.max(end ?? -Infinity, r.x + r.width);
  }
  return s;
}

function box(page, runs) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of runs) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { kind: 'pdf', page, x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The box of one cited figure: on the line's place, the run whose text
 * holds the cited value (or text), else the whole line.
 * @param {object[]} runs  every run of the document
 * @param {object} place   the line's place
 * @param {string} [value] the cited figure as printed
 */
export function figureBox(runs, place, value) {
  if (!place) return null;
  if (value) {
    const want = normalize(value);
    const inLine = runs.filter(
      (r) =>
        r.page === place.page &&
        r.y + r.height / 2 >= place.y &&
        r.y + r.height / 2 <= place.y + place.height &&
        r.x >= place.x - 0.5 &&
        r.x + r.width <= place.x + place.width + 0.5,
    );
    const hit = inLine.find((r) => normalize(r.text) === want) || (want && inLine.find((r) => normalize(r.text).includes(want)));
    if (hit) return { page: hit.page, x: hit.x, y: hit.y, width: hit.width, height: hit.height };
  }
  return { page: place.page, x: place.x, y: place.y, width: place.width, height: place.height };
}

function normalize(s) {
  return String(s).replace(/[\s,，]/g, '');
}
