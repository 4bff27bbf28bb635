// Getting documents in: drag and drop anywhere on the page (with an overlay
// saying so), the file picker (several files), the sample document, and
// Ctrl+Enter in the text box. Hands Files and texts to the app.

/**
 * @param {{overlay: HTMLElement, picker: HTMLInputElement, input: HTMLTextAreaElement,
 *          onFiles: (files: File[]) => void, onText: (text: string) => void, onRun: () => void}} parts
 */
export function bindIntake({ overlay, picker, input, onFiles, onText, onRun }) {
  let depth = 0;
  const carriesFiles = (e) => {
    const types = e.dataTransfer ? [...e.dataTransfer.types] : [];
    return types.includes('Files') || types.includes('text/plain');
  };
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
    document.body.classList.remove('dragging');
  };

  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
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
      const text = dt.getData('text/plain');
      if (text) onText(text);
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

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun();
    }
  });
}
