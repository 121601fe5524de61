// Calendar dates as the document writes them (YYYY-MM-DD), compared as UTC days.

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function daysFrom(fromIso: string, toIso: string): number {
  const day = 86_400_000;
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / day);
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "10 November 2026", as GOV.UK writes dates. */
export function longDate(iso: string | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${months[m - 1]} ${y}`;
}

/** "10 November 2026 at 14:05" for a server time stamp. */
export function longDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const hh = String(t.getHours()).padStart(2, '0');
  const mm = String(t.getMinutes()).padStart(2, '0');
  const date = `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
  return `${longDate(date)} at ${hh}:${mm}`;
}

export interface ReviewState {
  text: string;
  colour: 'red' | 'orange' | 'green' | 'grey';
}

/** The review date's tag: overdue, due today, or due in N days. */
export function reviewState(reviewIso: string | undefined, today = todayIso()): ReviewState | null {
  if (!reviewIso) return null;
  const days = daysFrom(today, reviewIso);
  if (days < 0) return { text: 'Overdue', colour: 'red' };
  if (days === 0) return { text: 'Due today', colour: 'orange' };
  if (days === 1) return { text: 'Due in 1 day', colour: 'orange' };
  return { text: `Due in ${days} days`, colour: days <= 14 ? 'orange' : 'green' };
}

/** A date from day, month and year fields: YYYY-MM-DD, '' when all are empty, or null. */
export function fromParts(day: string, month: string, year: string): string | null {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  if (!d && !m && !y) return '';
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function toParts(iso: string | undefined): { day: string; month: string; year: string } {
  if (!iso) return { day: '', month: '', year: '' };
  // A period (a month, a year, or a range: its start) has fewer parts.
  const [year, month, day] = iso.split('/')[0].split('-');
  return { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year: year ?? '' };
}

/**
 * A date as precisely as it is known (docs/format.md, "period"): YYYY-MM-DD, YYYY-MM when the
 * day is left out, YYYY when the day and month are; '' when all are empty; null when it is not
 * a real date. A range (`original`, "from/to") is kept while its first day is unchanged: the
 * fields show only that day.
 */
export function periodFromParts(day: string, month: string, year: string, original?: string): string | null {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  let value: string | null;
  if (!d && !m && !y) value = '';
  else if (!d && !m) value = /^\d{4}$/.test(y) ? y : null;
  else if (!d) value = /^\d{1,2}$/.test(m) && Number(m) >= 1 && Number(m) <= 12 && /^\d{4}$/.test(y) ? `${y}-${m.padStart(2, '0')}` : null;
  else value = fromParts(d, m, y);
  if (original?.includes('/') && value === original.split('/')[0]) return original;
  return value;
}
