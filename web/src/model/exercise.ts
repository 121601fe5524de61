// The exercise's own vocabulary (docs/format.md, "map", "Action"): the concern types Create a
// map offers, the guidance's outcomes (§4) as the record names them, and the protective markings.
import type { Action, ActionType } from '../api/types';

export const concernTypes = [
  'criminal exploitation',
  'sexual exploitation',
  'county lines',
  'serious youth violence',
  'online harm',
] as const;

/** "Criminal exploitation": a concern type as a label. */
export const concernLabel = (c: string) => c[0].toUpperCase() + c.slice(1);

/** The guidance's outcomes, in its words (the record's names, src/record/sections.cpp). */
export const actionTypeNames: Record<ActionType, string> = {
  'csc-referral': "Referral to children's social care (CSC)",
  'ypdas-referral': "Referral to Young Person's Drug and Alcohol Services (YPDAS)",
  'yps-referral': "Referral to Young People's Support (YPS)",
  'pimm-referral': 'Referral to the Partnership Intelligence Management Meeting (PIMM)',
  'strategy-meeting': 'Strategy meeting',
  'cefh-meeting': 'Complex Extra Familial Harm meeting',
  'disruption-planning': 'Disruption planning',
  'safety-plan': 'Safety plan',
  'information-gathering': 'Information gathering',
  other: 'Other',
};

export const actionStatusNames: Record<NonNullable<Action['status']>, string> = {
  open: 'Open',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const actionStatusColours: Record<NonNullable<Action['status']>, string> = {
  open: 'blue',
  done: 'green',
  cancelled: 'grey',
};

export const markings = ['OFFICIAL-SENSITIVE', 'OFFICIAL'] as const;
