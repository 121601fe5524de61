// Types of the server's JSON, following src/server/openapi.json and docs/format.md.

export interface Session {
  username: string;
  /** The account's full name; its username when none is set. */
  display_name: string;
  team: string;
  role: 'practitioner' | 'manager' | 'admin';
  csrf_token: string;
  expires_at: string;
}

export type MapStatus = 'pre-mapping' | 'meeting' | 'outcomes' | 'review-due' | 'closed';

export interface MapListEntry {
  id: string;
  title: string;
  team: string;
  revision: number;
  updated_at: string;
  updated_by: string;
  /** Who saved the newest revision, by the display name they have now. */
  updated_by_name?: string;
  subject_children?: { id: string; full_name: string }[];
  status?: MapStatus;
  map_date?: string;
  review_date?: string;
  protective_marking?: string;
}

export interface Problem {
  pointer?: string;
  parameter?: string;
  where?: string;
  severity: 'error' | 'warning';
  message: string;
}

export type Gender = 'female' | 'male' | 'non-binary' | 'other' | 'unknown';
export type PersonRole = 'subject-child' | 'peer' | 'adult-of-concern' | 'family' | 'professional' | 'other';
export type AgeBand = 'under-10' | '10-12' | '13-15' | '16-17' | '18-24' | '25+' | 'unknown';

export interface Person {
  id: string;
  full_name: string;
  name_status?: 'full' | 'unknown' | 'street-name-only';
  known_as?: string[];
  date_of_birth?: string;
  age_band?: AgeBand;
  adult?: boolean;
  gender?: Gender;
  role: PersonRole;
  school?: string;
  services?: string[];
  roth?: boolean;
  notes?: string;
  /** A professional's agency and job title. */
  agency?: string;
  job_title?: string;
}

export interface Location {
  id: string;
  name: string;
  kind: string;
  /** The place or group itself protects or endangers the children there (not one person's tie). */
  valence?: 'risky' | 'protective' | 'mixed' | 'unknown';
  notes?: string;
}

export interface Group {
  id: string;
  name: string;
  kind: string;
  notes?: string;
}

export interface Tie {
  id: string;
  kind: 'relationship' | 'frequents' | 'member-of';
  from: string;
  to: string;
  nature?: string;
  strength?: number;
  tension?: boolean;
  exploitation?: { by: string };
  influence?: { leader: string };
  valence?: 'risky' | 'protective' | 'mixed' | 'unknown';
  notes?: string;
}

export type Grading =
  | { scheme: 'simple'; reliable?: boolean | null }
  | { scheme: '3x5x2'; source: number; intelligence: string; handling: string }
  | { scheme: '5x5x5'; source: string; intelligence: number; handling: number };

/** Who a copy of the map is for (docs/copies.md). */
export type Audience = 'internal' | 'partner' | 'family' | 'record-of-another-child';

export interface InformationItem {
  id: string;
  summary: string;
  source: { agency: string; person?: string };
  observed?: string;
  recorded?: string;
  evidence: 'evidenced' | 'anecdotal';
  grading?: Grading;
  about: string[];
  /** The handling conditions recorded on the item, and the copies they allow (docs/copies.md). */
  handling?: { conditions?: string; audiences?: Audience[] };
}

/** One person at a meeting (docs/format.md, "Meeting"): a full name, their agency and role. */
export interface Attendee {
  name: string;
  agency: string;
  role?: string;
  /** The person on the map the attendee is. */
  person?: string;
}

export interface Meeting {
  id: string;
  date: string;
  objectives?: string;
  attendees?: Attendee[];
}

export type ActionType = 'csc-referral' | 'ypdas-referral' | 'yps-referral' | 'pimm-referral' | 'strategy-meeting'
  | 'cefh-meeting' | 'disruption-planning' | 'safety-plan' | 'information-gathering' | 'other';

/** One of the meeting's outcomes and actions (docs/format.md, "Action"). */
export interface Action {
  id: string;
  type: ActionType;
  description: string;
  about?: string[];
  owner: string;
  owner_person?: string;
  due?: string;
  status?: 'open' | 'done' | 'cancelled';
}

export interface MapMeta {
  title: string;
  purpose?: string;
  concern_types?: string[];
  subject_children: string[];
  status: MapStatus;
  map_date: string;
  review_date?: string;
  owning_team?: string;
  protective_marking?: string;
  recent_window_days?: number;
}

export interface PeerMapDocument {
  format: 'peermap/1';
  map: MapMeta;
  people?: Person[];
  locations?: Location[];
  groups?: Group[];
  ties?: Tie[];
  information?: InformationItem[];
  actions?: Action[];
  meetings?: Meeting[];
  [section: string]: unknown;
}

export interface NodeGeometry {
  id: string;
  kind: 'person' | 'location';
  x: number;
  y: number;
  w: number;
  h: number;
  label: { x: number; y: number; w: number; h: number };
  /** The label's lines as drawn in this view (a disclosure copy's initials). */
  text?: string[];
  pinned?: boolean;
  /** In an as-of view: nothing dated shows this person was known by then (drawn with a "?"). */
  date_not_known?: boolean;
}

export interface RegionGeometry {
  id: string;
  kind: 'group' | 'location';
  members: string[];
  /** An outline around members who sit together, or a line linking scattered members. */
  shape: 'outline' | 'line';
  /** The outline, closed; empty for a line. */
  polygon: [number, number][];
  /** The line through every member's symbol, in order; empty for an outline. */
  line: [number, number][];
  label: { x: number; y: number; w: number; h: number };
}

export interface MapLayout {
  width: number;
  height: number;
  x0: number;
  y0: number;
  nodes: NodeGeometry[];
  regions: RegionGeometry[];
  page: { name: string; width: number; height: number };
  placement: { scale: number; x: number; y: number };
  edges?: { id: string; source: string; target: string; date_not_known?: boolean }[];
  laid_out_from?: number | null;
  warnings?: string[];
}

export type PatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** What a drawing shows (the query of map.svg and layout; model::View on the server). */
export interface MapViewOptions {
  asOf?: string;
  redact?: boolean;
  ecomap?: string;
}

export interface RevisionInfo {
  revision: number;
  author: string;
  /** The author's display name now, or the username when none is set. */
  author_name: string;
  created_at: string;
  summary: string;
}

/** One field of a changed item (GET /api/maps/{id}/diff, "changes"). */
export interface FieldChange {
  field: string;
  label: string;
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  before_text?: string;
  after_text?: string;
  text: string;
}

export interface ItemChange {
  section: string;
  kind: string;
  id: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  pointer: string;
  text: string;
  fields?: FieldChange[];
}

export interface MapDiff {
  id: string;
  from: number;
  to: number;
  summary: string;
  map_changed: boolean;
  changes: ItemChange[];
}

/** A position a practitioner fixed by hand (docs/format.md, "Pin"): layout coordinates. */
export interface Pin {
  ref: string;
  x: number;
  y: number;
}

/** What GET /api/maps/{id}/layout adds about how the map was laid out. */
export interface LayoutProvenance {
  /** The revision whose positions this layout started from; null for a full layout. */
  laid_out_from: number | null;
  /** E.g. a pinned person the layout had to move. */
  warnings: string[];
}

/** One finding of `peermap analyze` (docs/analysis.md). */
export interface Finding {
  kind: 'influence' | 'broker' | 'bridge' | 'link' | 'leaders' | 'exposure' | 'evidence' | 'age' | 'protective' | 'gap' | 'grouping';
  text: string;
  /** For a gap: recorded by the meeting, or detected by the analysis. */
  origin?: 'detected' | 'recorded';
  /** The people, ties, groups and sightings it names. */
  ids: string[];
}

/** GET /api/maps/{id}/analysis, the parts the workspace shows. */
export interface MapAnalysis {
  id: string;
  revision: number;
  findings: Finding[];
}
