import type { z } from 'zod';
import { shownError } from './shown-error.js';

/**
 * How a form field arrives and what the shared request schema expects: text as typed, whole
 * numbers (sliders send strings), or a checkbox (present or absent). A dotted name
 * (`social.instagram`) becomes a nested field.
 */
export type FieldKind = 'text' | 'int' | 'checkbox';
export type FormSpec = Readonly<Record<string, FieldKind>>;

/** What the person typed, by field name, to show the form again. */
export type FormValues = Record<string, string>;
/** One message per field name; `_form` for what concerns the whole form. */
export type FormErrors = Record<string, string>;

export type FormResult<T> =
  | { readonly ok: true; readonly data: T; readonly values: FormValues }
  | { readonly ok: false; readonly errors: FormErrors; readonly values: FormValues };

/** The one place where form strings become the values the API schemas validate. */
export function decodeForm(
  body: unknown,
  spec: FormSpec,
): { input: Record<string, unknown>; values: FormValues } {
  const raw = (body ?? {}) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  const values: FormValues = {};
  for (const [name, kind] of Object.entries(spec)) {
    const value = firstString(raw[name]);
    if (value !== undefined) values[name] = value;
    const decoded = decodeField(kind, value);
    if (decoded !== undefined) setPath(input, name, decoded);
  }
  return { input, values };
}

/** Decodes a form and validates it with a request schema of `http-common`. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  spec: FormSpec,
): FormResult<z.output<S>> {
  const { input, values } = decodeForm(body, spec);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: zodErrors(result.error), values };
}

function decodeField(kind: FieldKind, value: string | undefined): unknown {
  switch (kind) {
    case 'checkbox':
      return value !== undefined && value !== '' && value !== 'false' && value !== 'off';
    case 'int': {
      if (value === undefined || value.trim() === '') return undefined;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    case 'text':
      return value;
  }
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = (node[part] ??= {}) as Record<string, unknown>;
    node = next;
  }
  node[parts.at(-1) ?? path] = value;
}

/** One friendly message per field, in the words of a form rather than of an API. */
export function zodErrors(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    errors[field] ??= friendly(issue);
  }
  return errors;
}

function friendly(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (/ received undefined$/.test(issue.message)) return 'Please fill this in.';
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'Please enter a whole number.'
        : 'Please check this value.';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'Please fill this in.'
          : `Must be at least ${issue.minimum} characters.`;
      }
      return `Must be at least ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Must be at most ${issue.maximum} characters.`
        : `Must be at most ${issue.maximum}.`;
    case 'invalid_value':
      return 'Please choose one of the options.';
    case 'invalid_format':
      if (issue.format === 'date') return 'Please enter a valid date.';
      return sentence(issue.message);
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return sentence(issue.message);
  }
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * A domain error as form errors: on its field when it names one that the form has (`fieldMap`
 * renames domain field names to form field names where they differ), else on the whole form.
 * Null for errors a form does not show (see `shownError`): the caller rethrows those.
 */
export function domainFormErrors(
  error: unknown,
  formFields: readonly string[],
  fieldMap: Readonly<Record<string, string>> = {},
): FormErrors | null {
  const shown = shownError(error);
  if (!shown) return null;
  const domainField = shown.details.field;
  const field = domainField ? (fieldMap[domainField] ?? domainField) : undefined;
  return field && formFields.includes(field) ? { [field]: shown.message } : { _form: shown.message };
}
