// Getting documents in: drag and drop anywhere on the page (with an overlay
// saying so), the file picker (several files, .txt or .html), the sample
// document, a paste, and Ctrl+Enter in the text box. Hands Files and texts
// to the app.
//
// A paste or a drop from Word, WPS, Excel or a browser carries the table's
// real cells as `text/html` beside a plain text that loses merged cells and
// empty ones: when that HTML holds a <table>, it is handed over (onHtml) with
// the plain text to fall back on. Without a table the plain text is as good,
// and keeps the spaces a layout text aligns its columns with.

/** The `text/html` of a clipboard or a drop, when it holds a table. */
function tableHtml(data) {
  const html = data ? data.getData('text/html') : '';
  return html && /<table[\s>]/i.test(html) ? html : '';
}

/**
 * @param {{overlay: HTMLElement, picker: HTMLInputElement, input: HTMLTextAreaElement,
 *          onFiles: (files: File[]) => void, onText: (text: string) => void,
 *          onHtml: (html: string, plain: string, how: {run: boolean}) => void, onRun: () => void,
 *          onPdfComing?: () => void}} parts  onPdfComing: a PDF is being dragged over the page
 */
export function bindIntake({ overlay, picker, input, onFiles, onText, onHtml, onRun, onPdfComing }) {
  let depth = 0;
  const carriesFiles = (e) => {
    const types = e.dataTransfer ? [...e.dataTransfer.types] : [];
    return types.includes('Files') || types.includes('text/plain') || types.includes('text/html');
  };
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
    document.body.classList.remove('dragging');
  };

  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    // The items' types are known during the drag (their bytes are not).
    if (depth === 0 && [...(e.dataTransfer?.items ?? [])].some((i) => i.kind === 'file' && i.type === 'application/pdf')) {
      onPdfComing?.();
    }
    depth++;
    overlay.hidden = false;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    depth = Math.max(0, depth - 1);
    // relatedTarget null: the pointer left the window.
    if (depth === 0 || !e.relatedTarget) hide();
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    hide();
    const dt = e.dataTransfer;
    if (!dt) return;
    const files = [...(dt.files || [])];
    if (files.length) onFiles(files);
    else {
      const html = tableHtml(dt);
      const text = dt.getData('text/plain');
      if (html) onHtml(html, text, { run: true });
      else if (text) onText(text);
    }
  });
  window.addEventListener('blur', hide);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !overlay.hidden) hide();
  });

  picker.addEventListener('change', () => {
    const files = [...(picker.files || [])];
    picker.value = ''; // the same file picked again is a new request
    if (files.length) onFiles(files);
  });

  input.addEventListener('paste', (e) => {
    const html = tableHtml(e.clipboardData);
    if (!html) return; // the browser pastes the plain text itself
    e.preventDefault();
    onHtml(html, e.clipboardData.getData('text/plain'), { run: false });
  });

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun();
    }
  });
}
