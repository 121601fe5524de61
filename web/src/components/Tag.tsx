import type { MapStatus } from '../api/types';
import { reviewState } from '../model/dates';
import { statusColours, statusNames } from '../model/people';

export function Tag({ colour, children }: { colour?: string; children: string }) {
  return <strong class={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

export function StatusTag({ status }: { status?: MapStatus }) {
  if (!status) return null;
  return <Tag colour={statusColours[status]}>{statusNames[status]}</Tag>;
}

export function ReviewTag({ date }: { date?: string }) {
  const state = reviewState(date);
  if (!state) return null;
  return <Tag colour={state.colour}>{state.text}</Tag>;
}
