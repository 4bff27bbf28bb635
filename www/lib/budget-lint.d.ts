// Types of www/lib/budget-lint.js for TypeScript consumers of the static
// folder; the report types come from the wasm package's declarations
// (generated from schema/report.schema.json).
import type { Report, RuleDoc, ValidateOptions } from '../pkg/budget_lint.js';

export type { Report, RuleDoc, ValidateOptions };
export type { Finding, Evidence, Table, Summary, Severity, Check } from '../pkg/budget_lint.js';

export const MAX_BYTES: number;

export type InputErrorCode = 'empty' | 'binary' | 'too_large' | 'encoding';
export class InputError extends Error {
  readonly code: InputErrorCode;
  constructor(code: InputErrorCode, message: string);
}

export type Stage = 'decode' | 'parse' | 'check' | 'done';
export interface Progress {
  stage: Stage;
  message: string;
  /** engine time in milliseconds, on 'done' */
  ms?: number;
}
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}
export type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export function init(options?: { baseUrl?: string | URL; wasmBytes?: Uint8Array }): Promise<string>;
export function validate(text: string, options?: CallOptions & ValidateOptions): Promise<Report>;
export function validateFile(
  file: Blob & { name?: string },
  options?: CallOptions & ValidateOptions,
): Promise<{ report: Report; text: string; encoding: Encoding; name: string }>;
export function decodeBytes(bytes: Uint8Array | ArrayBuffer): { text: string; encoding: Encoding };
export function rules(options?: CallOptions): Promise<RuleDoc[]>;
export function version(): Promise<string>;
export function findingsCsv(text: string, name?: string, options?: CallOptions): Promise<string>;
export function exportXlsx(text: string, options?: CallOptions): Promise<Uint8Array>;
export function capabilities(): { xlsx: boolean; singleFile: boolean };
