// Create a map: the meeting's title, subject children, objectives, concern, dates and
// protective marking. The server validates it; its problems are shown at their fields.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { PeerMapDocument } from '../api/types';
import { ErrorSummary } from '../components/ErrorSummary';
import { Checkboxes, DateInput, type DateParts, Select, TextInput, Textarea } from '../components/Fields';
import { fromParts, toParts, todayIso } from '../model/dates';
import { concernLabel, concernTypes, markings } from '../model/exercise';
import { fullNameProblem } from '../model/people';
import { type FieldError, errorFor, fieldErrors } from '../model/problems';
import { Link, navigate } from '../router';
import { focusSoon } from '../focus';

/** The field a problem's JSON pointer names in this form. */
function fieldFor(pointer: string): string | null {
  const person = /^\/people\/(\d+)/.exec(pointer);
  if (person) return `subject-${person[1]}`;
  if (pointer.startsWith('/map/subject_children')) return 'subject-0';
  if (pointer.startsWith('/map/concern_types')) return 'concern-types';
  const fields: Record<string, string> = {
    '/map/title': 'title',
    '/map/purpose': 'purpose',
    '/map/map_date': 'map-date',
    '/map/review_date': 'review-date',
    '/map/protective_marking': 'marking',
  };
  return fields[pointer] ?? null;
}

export function NewMap() {
  const [title, setTitle] = useState('');
  const [subjects, setSubjects] = useState<string[]>(['']);
  const [purpose, setPurpose] = useState('');
  const [concerns, setConcerns] = useState<string[]>([]);
  const [otherConcern, setOtherConcern] = useState('');
  const [mapDate, setMapDate] = useState<DateParts>(toParts(todayIso()));
  const [reviewDate, setReviewDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [marking, setMarking] = useState('OFFICIAL-SENSITIVE');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Create a map – peermap';
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: FieldError[] = [];
    const mapIso = fromParts(mapDate.day, mapDate.month, mapDate.year);
    const reviewIso = fromParts(reviewDate.day, reviewDate.month, reviewDate.year);
    if (mapIso === null) local.push({ field: 'map-date', message: 'Map date must be a real date, for example 27 3 2026' });
    if (reviewIso === null) local.push({ field: 'review-date', message: 'Review date must be a real date, for example 27 6 2026' });
    if (local.length) return setErrors(local);
    const names = subjects.map((s) => s.trim()).filter(Boolean);
    const people = (names.length ? names : ['']).map((full_name, i) => ({
      id: `p${i + 1}`,
      full_name,
      role: 'subject-child' as const,
    }));
    const concernList = [...concerns, ...(otherConcern.trim() ? [otherConcern.trim()] : [])];
    const document: PeerMapDocument = {
      format: 'peermap/1',
      map: {
        title,
        ...(purpose.trim() ? { purpose } : {}),
        ...(concernList.length ? { concern_types: concernList } : {}),
        subject_children: people.map((p) => p.id),
        status: 'pre-mapping',
        map_date: mapIso ?? '',
        ...(reviewIso ? { review_date: reviewIso } : {}),
        protective_marking: marking,
      },
      people,
    };
    setBusy(true);
    try {
      const id = await api.createMap(document);
      navigate(`/maps/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) {
        setErrors(fieldErrors(error.problems, fieldFor, 'title'));
      } else {
        setErrors([{ field: 'title', message: 'The map cannot be saved now. Try again' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="govuk-width-container">
      <nav aria-label="Back">
        <Link href="/maps" class="govuk-back-link">
          Back to maps
        </Link>
      </nav>
      <main class="govuk-main-wrapper" id="main-content">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} />
            <h1 class="govuk-heading-l">Create a map</h1>
            <form noValidate onSubmit={submit}>
              <TextInput id="title" label="Title" value={title} onInput={setTitle} error={errorFor(errors, 'title')}
                hint="For example, Peer mapping: Mia Kowalczyk and the Moorside street group" labelClass="govuk-label--s" />
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Subject children</legend>
                <div class="govuk-hint">The child or children the meeting is called about. Use full names, not initials (guidance §5).</div>
                {subjects.map((name, i) => (
                  <TextInput
                    key={i}
                    id={`subject-${i}`}
                    label={`Subject child ${i + 1}: full name`}
                    value={name}
                    onInput={(v) => setSubjects(subjects.map((s, j) => (j === i ? v : s)))}
                    error={errorFor(errors, `subject-${i}`)}
                    hint={fullNameProblem(name) || undefined}
                  />
                ))}
                <button type="button" class="govuk-button govuk-button--secondary"
                  onClick={() => {
                    setSubjects([...subjects, '']);
                    focusSoon(`subject-${subjects.length}`);
                  }}>
                  Add another subject child
                </button>
              </fieldset>
              <Textarea id="purpose" label="Purpose and objectives" value={purpose} onInput={setPurpose}
                error={errorFor(errors, 'purpose')} labelClass="govuk-label--s"
                hint="What the mapping should find out. Stay focused on the original objectives." />
              <Checkboxes id="concern-types" label="Concern type" values={concerns} onChange={setConcerns}
                options={concernTypes.map((c) => [c, concernLabel(c)] as const)}
                error={errorFor(errors, 'concern-types')} hint="Select all that apply." small />
              <TextInput id="other-concern" label="Other concern type (optional)" value={otherConcern} onInput={setOtherConcern} width="govuk-input--width-20" />
              <DateInput id="map-date" label="Map date" value={mapDate} onInput={setMapDate}
                error={errorFor(errors, 'map-date')} hint="The date the map describes, for example 27 3 2026" />
              <DateInput id="review-date" label="Review date (optional)" value={reviewDate} onInput={setReviewDate}
                error={errorFor(errors, 'review-date')} hint="When the map should be reviewed. Not before the map date." />
              <Select id="marking" label="Protective marking" value={marking} onChange={setMarking} labelClass="govuk-label--s"
                error={errorFor(errors, 'marking')}
                options={markings.map((m) => [m, m] as const)} />
              <button type="submit" class="govuk-button" disabled={busy}>
                Create map
              </button>
            </form>
          </div>
        </div>
      </main>
    </div>
  );
}
