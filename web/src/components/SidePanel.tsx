// The editor's side panel: the selected person, place, group or tie with everything recorded
// about them (graded information, sightings, risks and strengths, information gaps), and the
// forms that add, edit and remove each kind of item.
import type { Action, InformationItem, Location, Meeting, PeerMapDocument, Person, Tie } from '../api/types';
import { longDate } from '../model/dates';
import { type Item, describeName, find, gradingWords, groupKinds, itemsOf, nameIn, placeKinds, tieWords, valenceNames } from '../model/items';
import { adultStatus, ageBandNames, genderNames, roleNames } from '../model/people';
import { actionStatusNames, actionTypeNames } from '../model/exercise';
import { shown } from '../model/text';
import { InformationForm } from './InformationForm';
import { PersonForm } from './PersonForm';
import { PlaceGroupForm } from './PlaceGroupForm';
import { GapForm, type InformationGap, RiskForm, type RiskOrStrength } from './RiskGapForms';
import { RemoveItem } from './RemoveItem';
import { type Sighting, SightingForm } from './SightingForm';
import { TieForm } from './TieForm';
import { ActionForm } from './ActionForm';
import { ExercisePanel } from './ExercisePanel';
import { MapDetailsForm } from './MapDetailsForm';
import { MeetingForm } from './MeetingForm';
import { EntryActions, Entries, Row } from './PanelParts';

export type FormKind = 'person' | 'place' | 'group' | 'tie' | 'information' | 'sighting' | 'risk' | 'gap' | 'meeting' | 'action' | 'map';

/** What the panel shows besides the selection's details: a form, or a removal to confirm. */
export type PanelMode =
  | { kind: 'view' }
  | { kind: 'form'; form: FormKind; id: string | null; subject?: string; initialName?: string; initialTo?: string }
  | { kind: 'remove'; id: string };

export interface PanelProps {
  document: PeerMapDocument;
  selected: string | null;
  mode: PanelMode;
  notice: string;
  /** Select an item (null: nothing) and move focus to `focus` (an element id) or the heading. */
  onSelect: (id: string | null, focus?: string, notice?: string) => void;
  onMode: (mode: PanelMode) => void;
}

/** Everything recorded about `subject`: information, sightings, risks and strengths, gaps. */
function Recorded({ document, subject, also, onMode }: { document: PeerMapDocument; subject: string; also: Set<string>; onMode: PanelProps['onMode'] }) {
  const about = (ids: string[] | undefined) => (ids ?? []).some((x) => x === subject || also.has(x));
  const information = (document.information ?? []).filter((i) => about(i.about));
  const sightings = itemsOf(document, 'sightings').filter((s) => about(s.people as string[]) || s.location === subject) as unknown as Sighting[];
  const risks = itemsOf(document, 'risks').filter((r) => r.about === subject) as unknown as RiskOrStrength[];
  const gaps = itemsOf(document, 'gaps').filter((g) => about(g.about as string[])) as unknown as InformationGap[];
  const words = (section: string, item: unknown) => describeName(document, section, item as Item);
  return (
    <>
      <Entries title="Information" items={information}>
        {information.map((item: InformationItem) => (
          <li key={item.id} id={`entry-${item.id}`} tabIndex={-1} class="pm-entry">
            <p class="govuk-body-s govuk-!-margin-bottom-1">{shown(item.summary)}</p>
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              <strong class={`govuk-tag govuk-tag--${item.evidence === 'evidenced' ? 'green' : 'yellow'}`}>
                {item.evidence === 'evidenced' ? 'Evidenced' : 'Anecdotal'}
              </strong>{' '}
              {gradingWords(item.grading)} · {shown(item.source.agency)}
              {item.source.person ? ` (${shown(item.source.person)})` : ''}
              {item.observed ? ` · observed ${longDate(item.observed)}` : ''}
              {item.about.length > 1 ? ` · also about ${item.about.filter((a) => a !== subject).map((a) => nameIn(document, a)).join(', ')}` : ''}
            </p>
            <EntryActions what={words('information', item)} id={item.id} form="information" subject={subject} onMode={onMode} />
          </li>
        ))}
      </Entries>
      <Entries title="Sightings" items={sightings}>
        {sightings.map((s) => (
          <li key={s.id} id={`entry-${s.id}`} tabIndex={-1} class="pm-entry govuk-body-s">
            {`${s.people.map((p) => nameIn(document, p)).join(', ')} · ${longDate(s.date)}${s.location ? ` · ${nameIn(document, s.location)}` : ''} · seen by ${shown(s.seen_by)}`}
            {s.notes ? <span class="pm-entry__notes">{shown(s.notes)}</span> : null}
            <EntryActions what={words('sightings', s)} id={s.id} form="sighting" subject={subject} onMode={onMode} />
          </li>
        ))}
      </Entries>
      <Entries title="Risks and strengths" items={risks}>
        {risks.map((r) => (
          <li key={r.id} id={`entry-${r.id}`} tabIndex={-1} class="pm-entry govuk-body-s">
            <strong class={`govuk-tag govuk-tag--${r.kind === 'strength' ? 'green' : 'red'}`}>{r.kind === 'strength' ? 'Strength' : 'Risk'}</strong>{' '}
            <span>{shown(r.description)}</span>
            <EntryActions what={words('risks', r)} id={r.id} form="risk" subject={subject} onMode={onMode} />
          </li>
        ))}
      </Entries>
      <Entries title="Information gaps" items={gaps}>
        {gaps.map((g) => (
          <li key={g.id} id={`entry-${g.id}`} tabIndex={-1} class="pm-entry govuk-body-s">
            <span>{shown(g.question)}</span>
            {g.owner || g.due ? <span class="pm-entry__notes">{`${g.owner ? `Who will find out: ${shown(g.owner)}` : ''}${g.owner && g.due ? ' · ' : ''}${g.due ? `by ${longDate(g.due)}` : ''}`}</span> : null}
            <EntryActions what={words('gaps', g)} id={g.id} form="gap" subject={subject} onMode={onMode} />
          </li>
        ))}
      </Entries>
    </>
  );
}

function AddButtons({ subject, kinds, onMode }: { subject: string; kinds: [FormKind, string][]; onMode: PanelProps['onMode'] }) {
  return (
    <div class="govuk-button-group pm-add-buttons">
      {kinds.map(([form, label]) => (
        <button key={form} type="button" class="govuk-button govuk-button--secondary" onClick={() => onMode({ kind: 'form', form, id: null, subject })}>
          {label}
        </button>
      ))}
    </div>
  );
}

function EditRemove({ noun, id, form, onMode }: { noun: string; id: string; form: FormKind; onMode: PanelProps['onMode'] }) {
  return (
    <div class="govuk-button-group">
      <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onMode({ kind: 'form', form, id })}>Edit {noun}</button>
      <button type="button" class="govuk-button govuk-button--warning" onClick={() => onMode({ kind: 'remove', id })}>Remove {noun}</button>
    </div>
  );
}

function PersonDetails({ document, person, onSelect, onMode }: { document: PeerMapDocument; person: Person } & Pick<PanelProps, 'onSelect' | 'onMode'>) {
  const adult = adultStatus(person, document.map.map_date);
  const ties = (document.ties ?? []).filter((t) => t.from === person.id || t.to === person.id);
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">{shown(person.full_name)}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <Row term="Known as">{(person.known_as ?? []).map(shown).join(', ') || undefined}</Row>
        <Row term="Role">{roleNames[person.role]}</Row>
        <Row term="Adult or child">{`${adult.adult ? 'Adult' : 'Child'} (${adult.because})`}</Row>
        <Row term="Date of birth">{person.date_of_birth ? longDate(person.date_of_birth) : undefined}</Row>
        <Row term="Age band">{person.age_band ? ageBandNames[person.age_band] : undefined}</Row>
        <Row term="Gender">{genderNames[person.gender ?? 'unknown']}</Row>
        <Row term="Agency">{shown(person.agency) || undefined}</Row>
        <Row term="Job title">{shown(person.job_title) || undefined}</Row>
        <Row term="School">{shown(person.school) || undefined}</Row>
        <Row term="Services">{(person.services ?? []).map(shown).join(', ') || undefined}</Row>
        <Row term="At risk outside the home">{person.roth ? 'Yes (ROTH)' : undefined}</Row>
        <Row term="Notes">{shown(person.notes) || undefined}</Row>
      </dl>
      <EditRemove noun="person" id={person.id} form="person" onMode={onMode} />
      <AddButtons subject={person.id} onMode={onMode} kinds={[['tie', 'Add a tie'], ['information', 'Add information'], ['sighting', 'Add a sighting'],
        ['risk', 'Add a risk or strength'], ['gap', 'Add an information gap']]} />
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">Ties ({ties.length})</h3>
      <ul class="govuk-list govuk-body-s pm-entries">
        {ties.map((t) => (
          <li key={t.id} id={`entry-${t.id}`} tabIndex={-1}>
            <button type="button" class="pm-link-button" onClick={() => onSelect(t.id)}>{tieWords(document, t)}</button>
          </li>
        ))}
      </ul>
      <Recorded document={document} subject={person.id} also={new Set(ties.map((t) => t.id))} onMode={onMode} />
      <ExerciseEntries document={document} person={person.id} onMode={onMode} />
    </>
  );
}

/** The meetings a person attended and the actions they own or that are about them, if any. */
function ExerciseEntries({ document, person, onMode }: { document: PeerMapDocument; person: string; onMode: PanelProps['onMode'] }) {
  const meetings = (document.meetings ?? []).filter((m) => m.attendees?.some((a) => a.person === person));
  const actions = (document.actions ?? []).filter((a) => a.owner_person === person || a.about?.includes(person));
  const words = (section: string, item: unknown) => describeName(document, section, item as Item);
  return (
    <>
      {meetings.length ? (
        <Entries title="Meetings attended" items={meetings}>
          {meetings.map((m) => (
            <li key={m.id} class="pm-entry govuk-body-s">
              {`Meeting on ${longDate(m.date)}`}
              <EntryActions what={words('meetings', m)} id={m.id} form="meeting" subject={person} onMode={onMode} />
            </li>
          ))}
        </Entries>
      ) : null}
      {actions.length ? (
        <Entries title="Outcomes and actions" items={actions}>
          {actions.map((a) => (
            <li key={a.id} class="pm-entry govuk-body-s">
              <strong>{actionTypeNames[a.type] ?? shown(a.type)}</strong>
              <span class="pm-entry__notes">{`${shown(a.description)} (${a.owner_person === person ? 'they own it' : `owner: ${shown(a.owner)}`}, ${actionStatusNames[a.status ?? 'open'].toLowerCase()})`}</span>
              <EntryActions what={words('actions', a)} id={a.id} form="action" subject={person} onMode={onMode} />
            </li>
          ))}
        </Entries>
      ) : null}
    </>
  );
}

function PlaceOrGroupDetails({ document, item, section, onSelect, onMode }: {
  document: PeerMapDocument;
  item: Location;
  section: 'locations' | 'groups';
} & Pick<PanelProps, 'onSelect' | 'onMode'>) {
  const place = section === 'locations';
  const members = (document.ties ?? []).filter((t) => t.to === item.id);
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">{shown(item.name)}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <Row term={place ? 'Place' : 'Group'}>{(place ? placeKinds : groupKinds)[item.kind] ?? shown(item.kind)}</Row>
        <Row term={place ? 'The place itself' : 'The group itself'}>{item.valence && item.valence !== 'unknown' ? valenceNames[item.valence] : undefined}</Row>
        <Row term="Notes">{shown(item.notes) || undefined}</Row>
      </dl>
      <EditRemove noun={place ? 'place' : 'group'} id={item.id} form={place ? 'place' : 'group'} onMode={onMode} />
      <AddButtons subject={item.id} onMode={onMode} kinds={[['information', 'Add information'], ...(place ? [['sighting', 'Add a sighting'] as [FormKind, string]] : []),
        ['risk', 'Add a risk or strength'], ['gap', 'Add an information gap']]} />
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">{`${place ? 'Frequented by' : 'Members'} (${members.length})`}</h3>
      <ul class="govuk-list govuk-body-s pm-entries">
        {members.map((t) => (
          <li key={t.id}>
            <button type="button" class="pm-link-button" onClick={() => onSelect(t.from)}>{nameIn(document, t.from)}</button>
          </li>
        ))}
      </ul>
      <Recorded document={document} subject={item.id} also={new Set(members.map((t) => t.id))} onMode={onMode} />
    </>
  );
}

function TieDetails({ document, tie, onSelect, onMode }: { document: PeerMapDocument; tie: Tie } & Pick<PanelProps, 'onSelect' | 'onMode'>) {
  const a = nameIn(document, tie.from);
  const b = nameIn(document, tie.to);
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">{tie.kind === 'relationship' ? `${a} and ${b}` : tieWords(document, tie)}</h2>
      <p class="govuk-body-s">{tieWords(document, tie)}</p>
      {tie.notes ? <p class="govuk-body-s">{shown(tie.notes)}</p> : null}
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onMode({ kind: 'form', form: 'tie', id: tie.id, subject: tie.from })}>Edit tie</button>
        <button type="button" class="govuk-button govuk-button--warning" onClick={() => onMode({ kind: 'remove', id: tie.id })}>Remove tie</button>
      </div>
      <AddButtons subject={tie.id} onMode={onMode} kinds={[['information', 'Add information']]} />
      <p class="govuk-body-s">
        <button type="button" class="pm-link-button" onClick={() => onSelect(tie.from)}>Back to {a}</button>
      </p>
      <Recorded document={document} subject={tie.id} also={new Set()} onMode={onMode} />
    </>
  );
}

function Form({ document, mode, selected, onSelect, onMode }: PanelProps & { mode: Extract<PanelMode, { kind: 'form' }> }) {
  const subject = mode.subject ?? selected ?? '';
  const found = mode.id ? find(document, mode.id) : null;
  const item = found?.item ?? null;
  // After a save, the new or edited item: a person, place, group or tie is selected; anything
  // else is shown, focused, in its subject's panel.
  const done = (id: string | null) => {
    if (!id) return onMode({ kind: 'view' });
    // The map's details, a meeting and an action are shown in "About this map" (or, edited
    // from a person's panel, there again).
    if (mode.form === 'map') return onSelect(null);
    if (mode.form === 'meeting' || mode.form === 'action') return subject ? onSelect(subject) : onSelect(null, `entry-${id}`);
    if (['person', 'place', 'group', 'tie'].includes(mode.form)) return onSelect(id);
    return onSelect(subject, `entry-${id}`);
  };
  const key = `${mode.form}:${mode.id ?? 'new'}:${mode.initialName ?? ''}`;
  const person = document.people?.find((p) => p.id === (item && mode.form === 'tie' ? ((item.from as string) ?? subject) : subject));
  const describeTie = (tieId: string) => {
    const t = document.ties?.find((x) => x.id === tieId);
    return t ? tieWords(document, t) : tieId;
  };
  switch (mode.form) {
    case 'person':
      return <PersonForm key={key} document={document} person={item as unknown as Person | null} initialName={mode.initialName} onDone={done} />;
    case 'place':
    case 'group':
      return (
        <PlaceGroupForm key={key} document={document} section={mode.form === 'place' ? 'locations' : 'groups'} item={item as unknown as Location | null}
          initialMembers={!item && document.people?.some((p) => p.id === subject) ? [subject] : []} onDone={done} />
      );
    case 'tie':
      return person ? <TieForm key={key} document={document} person={person} tie={item as unknown as Tie | null} onDone={done} /> : null;
    case 'information':
      return <InformationForm key={key} document={document} subject={subject} item={item as unknown as InformationItem | null} describeTie={describeTie} onDone={done} />;
    case 'sighting':
      return <SightingForm key={key} document={document} subject={subject} sighting={item as unknown as Sighting | null} onDone={done} />;
    case 'risk':
      return <RiskForm key={key} document={document} subject={subject} risk={item as unknown as RiskOrStrength | null} onDone={done} />;
    case 'gap':
      return <GapForm key={key} document={document} subject={subject} gap={item as unknown as InformationGap | null} onDone={done} />;
    case 'meeting':
      return <MeetingForm key={key} document={document} meeting={item as unknown as Meeting | null} onDone={done} />;
    case 'action':
      return <ActionForm key={key} document={document} action={item as unknown as Action | null} onDone={done} />;
    case 'map':
      return <MapDetailsForm key={key} document={document} onDone={done} />;
  }
}

export function SidePanel(props: PanelProps) {
  const { document, selected, mode, notice, onSelect, onMode } = props;
  if (mode.kind === 'form') return <Form {...props} mode={mode} />;
  if (mode.kind === 'remove') {
    const found = find(document, mode.id);
    // Removing a person, place, group or tie leaves nothing selected; anything else, its subject.
    const top = found && ['people', 'locations', 'groups', 'ties'].includes(found.section);
    return (
      <RemoveItem key={mode.id} document={document} id={mode.id} onCancel={() => onMode({ kind: 'view' })}
        onDone={(name) => onSelect(top ? null : selected, undefined, `Removed ${name}`)} />
    );
  }
  const found = selected ? find(document, selected) : null;
  return (
    <>
      {notice ? (
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="notice-title">Done</h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading" id="notice-text" tabIndex={-1}>{notice}</p>
          </div>
        </div>
      ) : null}
      {found?.section === 'people' ? (
        <PersonDetails document={document} person={found.item as unknown as Person} onSelect={onSelect} onMode={onMode} />
      ) : found?.section === 'locations' || found?.section === 'groups' ? (
        <PlaceOrGroupDetails document={document} item={found.item as unknown as Location} section={found.section} onSelect={onSelect} onMode={onMode} />
      ) : found?.section === 'ties' ? (
        <TieDetails document={document} tie={found.item as unknown as Tie} onSelect={onSelect} onMode={onMode} />
      ) : (
        <ExercisePanel document={document} onMode={onMode} />
      )}
    </>
  );
}
