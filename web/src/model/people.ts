// The person rules of docs/format.md that the forms explain as the user types.
import type { MapStatus, Person, PersonRole } from '../api/types';

export const roleNames: Record<PersonRole, string> = {
  'subject-child': 'Subject child',
  peer: 'Peer',
  'adult-of-concern': 'Adult of concern',
  family: 'Family',
  professional: 'Key contact or professional',
  other: 'Other',
};

export const statusNames: Record<MapStatus, string> = {
  'pre-mapping': 'Pre-mapping',
  meeting: 'Meeting',
  outcomes: 'Outcomes',
  'review-due': 'Review due',
  closed: 'Closed',
};

export const statusColours: Record<MapStatus, string> = {
  'pre-mapping': 'light-blue',
  meeting: 'purple',
  outcomes: 'turquoise',
  'review-due': 'orange',
  closed: 'grey',
};

export const genderNames = {
  female: 'Female',
  male: 'Male',
  'non-binary': 'Non-binary',
  other: 'Other',
  unknown: 'Not known',
} as const;

export const ageBandNames = {
  'under-10': 'Under 10',
  '10-12': '10 to 12',
  '13-15': '13 to 15',
  '16-17': '16 to 17',
  '18-24': '18 to 24',
  '25+': '25 or over',
  unknown: 'Not known',
} as const;

/** Age in whole years at `onIso`; a 29 February birthday falls on 1 March in other years. */
export function ageOn(birthIso: string, onIso: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthIso);
  const o = /^(\d{4})-(\d{2})-(\d{2})$/.exec(onIso);
  if (!b || !o) return null;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [oy, om, od] = [Number(o[1]), Number(o[2]), Number(o[3])];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

export interface AdultStatus {
  adult: boolean;
  because: string;
}

/** Whether a person counts as an adult at the map's date, and why (docs/format.md). */
export function adultStatus(person: Partial<Person>, mapDate: string): AdultStatus {
  if (person.date_of_birth) {
    const age = ageOn(person.date_of_birth, mapDate);
    if (age !== null) {
      return { adult: age >= 18, because: `${age} years old at the map date` };
    }
  }
  if (person.adult !== undefined) {
    return { adult: person.adult, because: 'as recorded' };
  }
  if (person.age_band && person.age_band !== 'unknown') {
    const adult = person.age_band === '18-24' || person.age_band === '25+';
    return { adult, because: `age band ${ageBandNames[person.age_band]}` };
  }
  if (person.role === 'adult-of-concern' || person.role === 'professional') {
    return { adult: true, because: `role ${roleNames[person.role]}` };
  }
  return { adult: false, because: 'no date of birth or adult age band' };
}

/**
 * What is wrong with a full name under the guidance's rule ("full names, not initials"), or ''.
 * The server checks the same rule; this only explains it while the user types.
 */
export function fullNameProblem(name: string, nameStatus: Person['name_status'] = 'full'): string {
  if (nameStatus === 'unknown' || nameStatus === 'street-name-only') return '';
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const initial = words.find((w) => {
    const parts = w.split('.').filter((p) => p.length > 0);
    if (w.includes('.')) return parts.length > 0 && parts.every((p) => [...p].length === 1);
    return [...w].length === 1 && /\p{Script=Latin}/u.test(w);
  });
  if (initial) return `“${initial}” looks like an initial: use the full name`;
  if (words.length < 2) return 'Enter their first name and last name';
  return '';
}
