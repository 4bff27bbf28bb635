// A finding on the PDF itself: each page it cites rendered by pdf.js into a
// canvas, every cited figure boxed, the finding's number beside each box.
// The boxes are elements over the canvas (positioned through the CSSOM,
// which the page's CSP allows), so they stay sharp and can be inspected.

/** A finding citing figures on many pages shows the first few. */
const MAX_PAGES_SHOWN = 3;
/** Breathing room around a box, in PDF points. */
const PAD = 1.5;

let current = []; // render tasks of the last call, cancelled by the next

/**
 * The boxes of a finding's cited figures, grouped by page.
 * @param {{runs: object[], places: object[]}} pdfDoc
 * @param {object} finding  a report finding (line, evidence)
 * @returns {Map<number, {x:number, y:number, width:number, height:number}[]>}
 */
export function findingBoxes(pdfDoc, finding) {
  const cited = (finding.evidence || []).filter((e) => e.line > 0);
  if (!cited.length && finding.line > 0) cited.push({ line: finding.line });
  const byPage = new Map();
  const seen = new Set();
  for (const e of cited) {
    const place = pdfDoc.places[e.line - 1];
    const b = figureBox(pdfDoc.runs, place, e.value && e.value !== '空' ? e.value : e.text);
    if (!b) continue;
    const key = `${b.page}:${b.x}:${b.y}:${b.width}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!byPage.has(b.page)) byPage.set(b.page, []);
    byPage.get(b.page).push(b);
  }
  return byPage;
}

/**
 * Renders the pages a finding cites into `container`.
 * @param {HTMLElement} container
 * @param {{pdf: object, runs: object[], places: object[]}} pdfDoc
 * @param {object} finding
 * @param {number} number  the finding's number in the list (1-based)
 * @param {(page: number, count: number) => string} caption
 */
export async function showFindingOnPdf(container, pdfDoc, finding, number, caption) {
  for (const task of current) task.cancel();
  current = [];
  const byPage = findingBoxes(pdfDoc, finding);
  const pages = [...byPage.keys()].sort((a, b) => a - b).slice(0, MAX_PAGES_SHOWN);
  const figures = pages.map((n) => {
    const fig = document.createElement('figure');
    fig.className = 'pdf-page';
    fig.dataset.page = String(n);
    return fig;
  });
  container.replaceChildren(...figures);
  const width = Math.max(320, container.clientWidth || 640);
  const ratio = globalThis.devicePixelRatio || 1;
  await Promise.all(
    pages.map(async (n, i) => {
      const page = await pdfDoc.pdf.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(2, (width - 4) / base.width);
      const viewport = page.getViewport({ scale: scale * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(base.width * scale)}px`;
      canvas.style.height = `${Math.floor(base.height * scale)}px`;
      const sheet = document.createElement('div');
      sheet.className = 'pdf-sheet';
      sheet.append(canvas);
      for (const b of byPage.get(n)) sheet.append(boxElement(b, scale, number));
      const cap = document.createElement('figcaption');
      cap.textContent = caption(n, byPage.get(n).length);
      figures[i].replaceChildren(cap, sheet);
      const task = page.render({ canvasContext: canvas.getContext('2d'), viewport, canvas });
      current.push(task);
      try {
        await task.promise;
        figures[i].dataset.rendered = 'true';
      } catch (err) {
        if (err?.name !== 'RenderingCancelledException') throw err;
      }
    }),
  );
  const first = container.querySelector('.pdf-box');
  if (first) {
    container.scrollTop = Math.max(0, first.offsetTop + first.closest('.pdf-page').offsetTop - container.clientHeight / 3);
  }
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

function boxElement(b, scale, number) {
  const box = document.createElement('div');
  box.className = 'pdf-box';
  box.style.left = `${(b.x - PAD) * scale}px`;
  box.style.top = `${(b.y - PAD) * scale}px`;
  box.style.width = `${(b.width + 2 * PAD) * scale}px`;
  box.style.height = `${(b.height + 2 * PAD) * scale}px`;
  const no = document.createElement('span');
  no.className = 'pdf-box-no';
  no.textContent = String(number);
  box.append(no);
  return box;
}
