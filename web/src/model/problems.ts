// Server problems (JSON pointers, docs/api.md) placed at the fields that caused them.
import type { Problem } from '../api/types';
import { shown } from './text';

export interface FieldError {
  field: string; // the id of the input the message belongs to
  message: string;
}

/**
 * Maps each error to a field with `fieldFor(pointer)`; a problem no field owns goes to
 * `fallback` so nothing the server said is hidden.
 */
export function fieldErrors(
  problems: Problem[],
  fieldFor: (pointer: string) => string | null,
  fallback: string,
  nameOf?: (id: string) => string | null,
): FieldError[] {
  const out: FieldError[] = [];
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    const pointer = p.pointer ?? '';
    const field = fieldFor(pointer) ?? fallback;
    if (out.some((e) => e.field === field)) continue; // one message a field, as GOV.UK does
    // The server names items by id ("p3"); the practitioner knows them by name.
    const message = nameOf ? p.message.replace(/"([A-Za-z0-9_.-]{1,64})"/g, (all, id) => {
      const name = nameOf(id);
      return name ? `“${name}”` : all;
    }) : p.message;
    out.push({ field, message: sentence(message) });
  }
  return out;
}

export function sentence(message: string): string {
  const text = shown(message.trim());
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}
