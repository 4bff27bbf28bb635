// The npm package's entry (copied into www/pkg/ by scripts/build-web.sh):
// the engine — wasm-bindgen's glue, budget_lint.js — with the rule
// catalogue's documentation joined in. The docs live beside the wasm in
// rules.js (generated from the rules' own doc comments), not inside it: the
// core module has a size budget and only this one call needs them.
import { rules as ruleIndex } from './budget_lint.js';
import catalogue from './rules.js';

export * from './budget_lint.js';
export { default } from './budget_lint.js';

const docs = new Map(catalogue.map((rule) => [rule.id, rule.docs]));

/**
 * The rule catalogue: every rule the engine runs (its `rules()`, in
 * catalogue order), each with its Chinese documentation.
 * @returns {import('./budget_lint.js').RuleDoc[]}
 */
export function rules() {
  return ruleIndex().map((rule) => ({ ...rule, docs: docs.get(rule.id) ?? '' }));
}
