// The page's handle on the engine Worker: promises instead of messages.
// Kept separate from the page so other front ends (an embeddable element,
// a documentation page) can reuse it.

export class Engine {
  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.worker = new Worker(workerUrl, { type: 'module' });
    this.pending = new Map();
    this.nextId = 1;
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('message', (event) => {
        const msg = event.data || {};
        if (msg.type === 'ready') resolve(msg.version);
        else if (msg.type === 'failed') reject(new Error(msg.error));
        else this.settle(msg);
      });
      this.worker.addEventListener('error', (event) => {
        const err = new Error(event.message || '校验引擎加载失败');
        reject(err);
        for (const { reject: r } of this.pending.values()) r(err);
        this.pending.clear();
      });
    });
  }

  settle(msg) {
    const entry = this.pending.get(msg.id);
    if (!entry) return;
    this.pending.delete(msg.id);
    if (msg.ok) entry.resolve({ result: msg.result, ms: msg.ms });
    else entry.reject(new Error(msg.error));
  }

  request(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  /** @returns {Promise<{result: object, ms: number}>} the report and engine time */
  validate(text, options) {
    return this.request({ type: 'validate', text, options });
  }

  rules() {
    return this.request({ type: 'rules' });
  }
}
