// "About this map", the side panel when nothing is selected: the exercise's own details (what
// Create a map asked), its meetings with their attendees, and its outcomes and actions, each
// with the forms that add, edit and remove them.
import type { PeerMapDocument } from '../api/types';
import { longDate } from '../model/dates';
import { actionStatusColours, actionStatusNames, actionTypeNames, concernLabel } from '../model/exercise';
import { type Item, attendeeWords, describeName, nameIn } from '../model/items';
import { statusNames } from '../model/people';
import { shown } from '../model/text';
import { EntryActions, Entries, Row } from './PanelParts';
import type { PanelMode } from './SidePanel';

export function ExercisePanel({ document, onMode }: { document: PeerMapDocument; onMode: (mode: PanelMode) => void }) {
  const m = document.map;
  const meetings = [...(document.meetings ?? [])];
  const actions = document.actions ?? [];
  const words = (section: string, item: unknown) => describeName(document, section, item as Item);
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">About this map</h2>
      <p class="govuk-body-s">Select a person, place or group, on the map or in the list, to see their details and the information about them.</p>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">Map details</h3>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <Row term="Title">{shown(m.title)}</Row>
        <Row term="Subject children">{m.subject_children.map((s) => nameIn(document, s)).join(', ')}</Row>
        <Row term="Purpose and objectives">{shown(m.purpose) || undefined}</Row>
        <Row term="Concern types">{(m.concern_types ?? []).map((c) => concernLabel(shown(c))).join(', ') || undefined}</Row>
        <Row term="Status">{statusNames[m.status]}</Row>
        <Row term="Map date">{longDate(m.map_date)}</Row>
        <Row term="Review date">{longDate(m.review_date) || undefined}</Row>
        <Row term="Protective marking">{shown(m.protective_marking) || 'OFFICIAL-SENSITIVE'}</Row>
      </dl>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onMode({ kind: 'form', form: 'map', id: null })}>
          Edit map details
        </button>
      </div>

      <Entries title="Meetings" items={meetings}>
        {meetings.map((meeting) => (
          <li key={meeting.id} id={`entry-${meeting.id}`} tabIndex={-1} class="pm-entry govuk-body-s">
            <strong>{`Meeting on ${longDate(meeting.date)}`}</strong>
            {meeting.objectives ? <span class="pm-entry__notes">{shown(meeting.objectives)}</span> : null}
            {meeting.attendees?.length ? (
              <>
                <span class="pm-entry__notes">{`Attendees (${meeting.attendees.length}):`}</span>
                <ul class="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-bottom-1">
                  {meeting.attendees.map((a, i) => <li key={i}>{attendeeWords(document, a)}</li>)}
                </ul>
              </>
            ) : <span class="pm-entry__notes">No attendees recorded.</span>}
            <EntryActions what={words('meetings', meeting)} id={meeting.id} form="meeting" subject="" onMode={onMode} />
          </li>
        ))}
      </Entries>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onMode({ kind: 'form', form: 'meeting', id: null })}>
          Add a meeting
        </button>
      </div>

      <Entries title="Outcomes and actions" items={actions}>
        {actions.map((a) => (
          <li key={a.id} id={`entry-${a.id}`} tabIndex={-1} class="pm-entry govuk-body-s">
            <strong class={`govuk-tag govuk-tag--${actionStatusColours[a.status ?? 'open']}`}>{actionStatusNames[a.status ?? 'open']}</strong>{' '}
            <strong>{actionTypeNames[a.type] ?? shown(a.type)}</strong>
            <span class="pm-entry__notes">{shown(a.description)}</span>
            <span class="pm-entry__notes">
              {`Owner: ${shown(a.owner)}${a.owner_person ? ` (on the map as ${nameIn(document, a.owner_person)})` : ''}${a.due ? ` · due ${longDate(a.due)}` : ''}`}
            </span>
            {a.about?.length ? <span class="pm-entry__notes">{`About ${a.about.map((x) => nameIn(document, x)).join(', ')}`}</span> : null}
            <EntryActions what={words('actions', a)} id={a.id} form="action" subject="" onMode={onMode} />
          </li>
        ))}
      </Entries>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onMode({ kind: 'form', form: 'action', id: null })}>
          Add an outcome or action
        </button>
      </div>
    </>
  );
}
