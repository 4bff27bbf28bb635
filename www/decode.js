// Kept for app.js; the decoder lives in ./lib/decode.js.
export { InputError, MAX_BYTES, decodeBytes, decodeFile } from './lib/decode.js';
