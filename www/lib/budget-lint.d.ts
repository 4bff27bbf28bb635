// Types of www/lib/budget-lint.js for TypeScript consumers of the static
// folder; the report types come from the wasm package's declarations
// (generated from schema/report.schema.json).
import type { Report, RuleDoc, RuleSummary, ValidateOptions } from '../pkg/budget_lint.js';

export type { Report, RuleDoc, RuleSummary, ValidateOptions };
export type { Finding, Evidence, Table, Summary, Severity, Check } from '../pkg/budget_lint.js';

export const MAX_BYTES: number;

/** Why a file was refused; the `pdf-…` codes are a PDF's (validateFile on a PDF). */
export type InputErrorCode =
  | 'empty'
  | 'binary'
  | 'too_large'
  | 'encoding'
  | 'pdf-scanned'
  | 'pdf-encrypted'
  | 'pdf-damaged'
  | 'pdf-too-large'
  | 'pdf-too-many-pages'
  | 'pdf-timeout'
  | 'pdf-unavailable';
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
): Promise<{
  report: Report;
  text: string;
  /** a file's text encoding; 'UTF-8' for what the engine read out of an Office file or a PDF */
  encoding: Encoding;
  /** told from the bytes: an Office file's kind, or 'pdf' */
  kind?: OfficeKind | 'pdf';
  name: string;
  /** a PDF's: where line i+1 of `text` is on its pages */
  places?: (PdfPlace | null)[];
}>;
/** A PDF's positioned text (pdf.js's text items) and ruling lines: src/read/pdf/geometry.rs's `Layout`. */
export interface PdfLayout {
  pages: { page: number; width: number; height: number }[];
  runs: { page: number; x: number; y: number; width: number; height: number; text: string }[];
  segments?: { page: number; x0: number; y0: number; x1: number; y1: number }[];
}
/** Where a line of the rebuilt text is on the PDF: points, origin at the page's top left. */
export interface PdfPlace {
  kind: 'pdf';
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
export function validatePdf(
  layout: PdfLayout,
  options?: CallOptions & ValidateOptions,
): Promise<{ report: Report; text: string; places: (PdfPlace | null)[] }>;
/**
 * The lines the engine rebuilds from a PDF's layout, not checked: one part of
 * a disclosure given in several files, checked joined with `validate(text, {pdf: true})`.
 */
export function pdfText(layout: PdfLayout, options?: CallOptions): Promise<{ text: string; places: (PdfPlace | null)[] }>;
/**
 * A PDF file's ruling lines, by the engine's own PDF reader (the CLI's): the
 * `segments` of a layout whose text pdf.js reads. Rejects when the file cannot be parsed.
 */
export function pdfRules(bytes: Uint8Array, options?: CallOptions): Promise<NonNullable<PdfLayout['segments']>>;
/** Loads the PDF module ahead of a PDF (one is being dragged over the page). */
export function warmPdf(options?: CallOptions): Promise<boolean>;
/** A Word or Excel file, as the office module read it. */
export type OfficeKind = 'docx' | 'xlsx' | 'xls';
/** Whether bytes are a Word/Excel file (or an old .doc/.xls/.wps), read by checkFile. */
export function isOfficeFile(bytes: Uint8Array): boolean;
/** `%PDF-` within the first 1024 bytes: a PDF, whatever its name. */
export function isPdfFile(bytes: Uint8Array): boolean;
/**
 * Reads a .docx/.xlsx with the office module (loaded on first use) and checks it.
 * `text` is what was read from the file; `tables_only`: a workbook, without the prose.
 * Rejects with a Chinese message for an old .doc/.xls/.wps, an encrypted or damaged file.
 */
export function checkFile(
  bytes: Uint8Array,
  options?: CallOptions & ValidateOptions,
): Promise<{ kind: OfficeKind; text: string; tables_only: boolean; report: Report }>;
export function decodeBytes(bytes: Uint8Array | ArrayBuffer): { text: string; encoding: Encoding };
/** The rule catalogue with each rule's docs (../pkg/rules.js, fetched the first time). */
export function rules(options?: CallOptions & { docs?: true }): Promise<RuleDoc[]>;
/** The catalogue without docs, from the wasm alone: nothing more is fetched. */
export function rules(options: CallOptions & { docs: false }): Promise<RuleSummary[]>;
export function version(): Promise<string>;
export function findingsCsv(text: string, name?: string, options?: CallOptions): Promise<string>;
export function exportXlsx(text: string, options?: CallOptions): Promise<Uint8Array>;
export function capabilities(): { xlsx: boolean; office: boolean; singleFile: boolean };
