// The engine's thread: loads the wasm once and answers validate requests,
// so a large document never freezes the page.
// Protocol: in  {id, type: 'validate', text, options?} | {id, type: 'rules'}
//           out {id, ok: true, result, ms} | {id, ok: false, error}
//           and once {type: 'ready', version} | {type: 'failed', error}
import init, { validate, rules, version } from './pkg/budget_lint.js';

const ready = init().then(
  () => postMessage({ type: 'ready', version: version() }),
  (e) => {
    postMessage({ type: 'failed', error: String(e && e.message ? e.message : e) });
    throw e;
  },
);

self.onmessage = async (event) => {
  const { id, type, text, options } = event.data || {};
  try {
    await ready;
    const start = performance.now();
    let result;
    if (type === 'validate') result = validate(String(text ?? ''), options);
    else if (type === 'rules') result = rules();
    else throw new Error(`未知请求：${type}`);
    postMessage({ id, ok: true, result, ms: performance.now() - start });
  } catch (e) {
    postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
