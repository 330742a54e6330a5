// TypeScript declarations for news2-widget: the <news2-widget> element, its properties and
// events, and the module's exports. See docs/embedding.md.

export { score, News2Input, News2Score } from "./news2_widget.js";

/** This build's version, e.g. "0.1.0". */
export function version(): string;
/** ECharts instances the widgets on the page hold now (falls back as widgets are removed). */
export function chartCount(): number;
/** Bytes of the widgets' WebAssembly memory (it grows and never shrinks: the peak). */
export function memoryBytes(): number;

/** Clinical risk bands of RCP NEWS2 Chart 3. */
export type News2Risk = "low" | "low-medium" | "medium" | "high";

/** What the escalation banner shows, most urgent first. */
export type News2Level =
  | "none"
  | "information"
  | "low-medium"
  | "medium"
  | "high"
  | "incomplete-minimum"
  | "source-stated"
  | "incomplete"
  | "overdue"
  | "stale-data"
  | "source-disagreement"
  | "future-dated";

/** One observation set, as events describe it. */
export interface News2SetSummary {
  /** When it was taken (ISO 8601, UTC). */
  time: string;
  /** NEWS2 total; null for an incomplete set (a partial sum is never a total). */
  total: number | null;
  /** The total the source stated, if it stated one (not recomputed). */
  statedTotal: number | null;
  /** The set's band; for an incomplete set the band already certain (from its values or a
   * total its source stated), or null. */
  risk: News2Risk | null;
  complete: boolean;
  /** A value to check, the source's stated score differs, or values conflict. */
  flagged: boolean;
}

export interface News2LoadedDetail {
  sets: number;
  /** Observations that could not be used, and sets dated in the future (each is listed in the
   * widget). */
  problems: number;
  /** Some pages did not arrive. */
  partial: boolean;
  latest: News2SetSummary | null;
}

export interface News2EscalationDetail {
  level: News2Level;
  /** The total the band stands on: computed, or stated by the source; null for a certain band
   * of an incomplete set, or with no band. */
  total: number | null;
  /** The clinical band in force (never lower than the newest data makes certain). */
  risk: News2Risk | null;
  /** What the band stands on. */
  basis: "computed" | "certain" | "stated" | null;
  /** When the set it stands on was taken (ISO 8601, UTC). */
  time: string | null;
  /** Other levels that apply, most urgent first. */
  also: News2Level[];
}

export interface News2EntryDetail {
  /** A fresh UUID per entry, kept across resends (the Observations' identifiers use it). */
  entryId: string;
  set: News2SetSummary;
  /** The FHIR Bundle for the set where the widget writes it: a transaction (fhir-base + patient), or PMD's collection (source-kind="pmd"). */
  bundle: object | null;
}

export interface News2SavedDetail {
  entryId: string;
}

export type News2ErrorKind =
  | "network"
  | "timeout"
  | "auth"
  | "not-found"
  | "rate-limited"
  | "server"
  | "rejected"
  | "malformed"
  | "too-large"
  | "config"
  | "cancelled"
  | "internal";

export interface News2SaveFailedDetail {
  entryId: string;
  kind: News2ErrorKind;
  status: number | null;
  message: string;
}

export interface News2AcknowledgedDetail {
  level: News2Level;
  title: string;
  /** When it was acknowledged (the widget's clock, ISO 8601 UTC). */
  at: string;
}

export interface News2ErrorDetail {
  kind: News2ErrorKind;
  status: number | null;
  message: string;
}

/** The compact variant's request for the full view, with the level the nurse saw. */
export interface News2OpenDetail {
  level: News2Level;
}

/** The nurse copied the ISBAR summary. It carries the text as copied, with the host's patient
 * label and the names the record gives: send it on as a message, do not log it. */
export interface News2IsbarDetail {
  level: News2Level;
  /** What the band stands on, as in `news2-escalation`. */
  total: number | null;
  risk: News2Risk | null;
  basis: "computed" | "certain" | "stated" | null;
  time: string | null;
  /** When the summary was made (ISO 8601, UTC). */
  at: string;
  language: "nb" | "nn" | "en";
  /** The whole summary as plain text, as copied. */
  text: string;
  /** Each part's lines, as shown. */
  identification: string[];
  situation: string[];
  background: string[];
  assessment: string[];
  /** R as the nurse left it (the band's response unless she changed it). */
  recommendation: string;
}

/** Who was informed of a score, and how (an escalation response). */
export type News2Recipient = "doctor" | "out-of-hours" | "nurse" | "emergency-113" | "other";
export type News2Channel = "phone" | "in-person" | "message";

/** An escalation response was recorded after an acknowledged banner, or its save ended. It
 * carries the nurse's texts and the ISBAR text: store it or send it on, do not log it. */
export interface News2ResponseDetail {
  /** Stable across resends: the Communication's identifier in urn:news2-widget:response. */
  responseId: string;
  /** "saving" and then "saved" or "failed" where the widget writes it to the FHIR server;
   * "host" where the source cannot hold it (Pasientens måledata, a Bundle): the host stores
   * `communication`. */
  state: "saving" | "saved" | "failed" | "host";
  informed: News2Recipient;
  /** Whom, by name or service, as written. */
  informedName: string | null;
  channel: News2Channel;
  /** When they were informed (ISO 8601, UTC). */
  at: string;
  /** Who informed them, as the host's author names its user. */
  by: string | null;
  note: string | null;
  /** The band responded to, and when the set it stood on was taken. */
  risk: News2Risk;
  time: string;
  /** The set's Observations (`Observation/{id}`); empty for a set not read back yet. */
  about: string[];
  /** The ISBAR summary as plain text, with the nurse's R. */
  isbar: string;
  /** The FHIR R4 Communication (no subject where the widget knows no `Patient/…`). */
  communication: object;
  /** Why the save failed ("failed" only). */
  error: { kind: string; status: number | null; message: string } | null;
}

/** The `variant` attribute: the full view (default) or the compact one for patient lists. */
export type News2Variant = "full" | "compact";

/** Asked before every request; returns (or resolves to) header names and values. */
export type News2AuthHeaders = (
  method: "GET" | "POST",
  url: string,
) => Record<string, string> | Promise<Record<string, string>>;

/** A municipality's own Chart 4 texts, see docs/embedding.md. */
export type News2ResponseTexts = object | string;

export interface News2Scale2Decision {
  /** Who decided (a named clinician). */
  by: string;
  /** When (RFC 3339). */
  at: string;
  /** When it ended, if it has (RFC 3339); sets from then on are on Scale 1. */
  until?: string;
}

/** The kind of service that records sets. */
export type News2ServiceKind =
  | "home-care"
  | "nursing-home"
  | "out-of-hours"
  | "general-practice"
  | "hospital";

/** Who writes new entries; every field optional (PMD needs `municipality`). */
export interface News2Author {
  /** Kommunenummer: four digits, as "0301". */
  municipality?: string;
  /** The municipality's name, as "Oslo". */
  municipalityName?: string;
  /** The organisation or unit, as "Bergen kommune, hjemmesykepleien Årstad". */
  organisation?: string;
  service?: News2ServiceKind;
  /** The person recording (the entry form's "taken by" replaces it when filled in). */
  performer?: string;
  /** Their role, as "Sykepleier". */
  role?: string;
  /** The recording system, as a URI (written as meta.source). */
  system?: string;
}

export interface News2WidgetElement extends HTMLElement {
  /** A FHIR Bundle (searchset) handed over by the host; wins over every attribute source. */
  history: object | null | undefined;
  /** Per-request auth headers; never stored by the widget. */
  authHeaders: News2AuthHeaders | null | undefined;
  /** Fødselsnummer or D-nummer: searched for by POST, never put in a URL or an attribute. */
  nationalId: string | null | undefined;
  responseTexts: News2ResponseTexts | null | undefined;
  scale2Decision: News2Scale2Decision | null | undefined;
  /** Who writes new entries: service, person, municipality. */
  author: News2Author | null | undefined;
  /** How the patient is named in the ISBAR summary (a room, initials). A new source (an
   * attribute, `history` or `nationalId`) forgets it: set it after the source, for each patient. */
  patientLabel: string | null | undefined;
}

export interface News2WidgetEventMap {
  "news2-loaded": CustomEvent<News2LoadedDetail>;
  "news2-escalation": CustomEvent<News2EscalationDetail>;
  "news2-entry": CustomEvent<News2EntryDetail>;
  "news2-saved": CustomEvent<News2SavedDetail>;
  "news2-save-failed": CustomEvent<News2SaveFailedDetail>;
  "news2-acknowledged": CustomEvent<News2AcknowledgedDetail>;
  "news2-error": CustomEvent<News2ErrorDetail>;
  "news2-open": CustomEvent<News2OpenDetail>;
  "news2-isbar": CustomEvent<News2IsbarDetail>;
  "news2-response": CustomEvent<News2ResponseDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    "news2-widget": News2WidgetElement;
  }
  interface HTMLElementEventMap extends News2WidgetEventMap {}
  /** The events bubble and are composed: listeners on the document are typed too. */
  interface DocumentEventMap extends News2WidgetEventMap {}
}
