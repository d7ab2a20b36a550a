/**
 * The registry's tabs as staff see them (docs/product.md, "The registry: tabs and columns"): names, headers in
 * documented order, vocabularies, and which columns the add-on owns (system columns, protected).
 */

export const TAB = {
  comuni: 'Comuni',
  dipendenti: 'Dipendenti',
  corsi: 'Corsi',
  sessioni: 'Sessioni',
  iscrizioni: 'Iscrizioni',
  presenze: 'Presenze',
  attestati: 'Attestati',
  registro: 'Registro',
  formazioneEsterna: 'Formazione esterna',
  impostazioni: 'Impostazioni',
  reportDipendenti: 'Report dipendenti',
  reportComuni: 'Report comuni',
  reportCorsi: 'Report corsi',
  bilancio: 'Bilancio',
} as const;

export type TabKey = keyof typeof TAB;
export type TabName = (typeof TAB)[TabKey];

export const ROLES = ['Dipendente', 'Responsabile di servizio', 'Segretario comunale', 'Amministratore'] as const;
export const AREAS = ['Competenze digitali', 'Soft skill', 'Servizi digitali e normativa'] as const;
export const MODES = ['In presenza', 'Online', 'Mista'] as const;
export const COURSE_STATUS = ['Bozza', 'Iscrizioni aperte', 'Iscrizioni chiuse', 'Concluso', 'Annullato'] as const;
/**
 * Course statuses whose sessions are real appointments: they are on the calendar, among the next
 * sessions, reminded and followed up; a draft or a cancelled course has none.
 */
export const SCHEDULED_COURSE_STATUSES: ReadonlySet<string> = new Set<(typeof COURSE_STATUS)[number]>([
  'Iscrizioni aperte',
  'Iscrizioni chiuse',
  'Concluso',
]);
export const SESSION_STATUS = ['Programmata', 'Annullata'] as const;
export const ENROLLMENT_STATUS = [
  'Confermata',
  'In attesa',
  'In approvazione',
  'Annullata',
  'Respinta',
  'Da verificare',
] as const;
export const ENROLLMENT_ORIGIN = ['Modulo', 'Manuale'] as const;

export type Role = (typeof ROLES)[number];
export type Area = (typeof AREAS)[number];
export type Mode = (typeof MODES)[number];
export type CourseStatus = (typeof COURSE_STATUS)[number];
export type SessionStatus = (typeof SESSION_STATUS)[number];
export type EnrollmentStatus = (typeof ENROLLMENT_STATUS)[number];
export type EnrollmentOrigin = (typeof ENROLLMENT_ORIGIN)[number];

/**
 * How a cell is read and written: `date` is a calendar day (`yyyy-mm-dd` in the record), `time` a
 * wall-clock time (`HH:mm`), `datetime` an instant kept as a `Date`; `code` is text that must keep its
 * leading zeros (plain-text format).
 */
export type CellKind = 'text' | 'code' | 'number' | 'euro' | 'bool' | 'date' | 'time' | 'datetime' | 'link';

export interface ColumnSpec {
  field: string;
  header: string;
  kind: CellKind;
  /** A tab without this header cannot be read (one problem for the tab); others default. */
  requiredColumn: boolean;
  /** Written by the add-on only: protected (warning) by setup. */
  system: boolean;
  /** The dropdown setup puts on the column. */
  dropdown?: readonly string[] | { tab: TabName; header: string };
}

function col(
  field: string,
  header: string,
  kind: CellKind,
  options: { required?: boolean; system?: boolean; dropdown?: ColumnSpec['dropdown'] } = {},
): ColumnSpec {
  const spec: ColumnSpec = {
    field,
    header,
    kind,
    requiredColumn: options.required ?? false,
    system: options.system ?? false,
  };
  if (options.dropdown) spec.dropdown = options.dropdown;
  return spec;
}

export const COLUMNS = {
  comuni: [
    col('istat', 'Codice ISTAT', 'code', { required: true }),
    col('name', 'Comune', 'text', { required: true }),
    col('province', 'Provincia', 'text'),
    col('population', 'Abitanti', 'number'),
    col('referentEmail', 'Email referente', 'text'),
    col('annualFee', 'Quota annuale (€)', 'euro'),
    col('feePaid', 'Quota pagata', 'bool'),
    col('notes', 'Note', 'text'),
  ],
  dipendenti: [
    col('id', 'ID', 'code', { required: true, system: true }),
    col('firstName', 'Nome', 'text', { required: true }),
    col('lastName', 'Cognome', 'text', { required: true }),
    col('email', 'Email', 'text', { required: true }),
    col('taxCode', 'Codice fiscale', 'code'),
    col('comune', 'Comune', 'text', { required: true, dropdown: { tab: 'Comuni', header: 'Comune' } }),
    col('role', 'Ruolo', 'text', { required: true, dropdown: ROLES }),
    col('office', 'Ufficio', 'text'),
    col('active', 'Attivo', 'bool'),
  ],
  corsi: [
    col('code', 'Codice', 'code', { required: true }),
    col('title', 'Titolo', 'text', { required: true }),
    col('area', 'Area', 'text', { dropdown: AREAS }),
    col('description', 'Descrizione', 'text'),
    col('teacher', 'Docente', 'text'),
    col('hours', 'Ore', 'number', { required: true }),
    col('mode', 'Modalità', 'text', { required: true, dropdown: MODES }),
    col('venue', 'Sede', 'text'),
    col('seats', 'Posti', 'number', { required: true }),
    col('audience', 'Destinatari', 'text'),
    col('threshold', 'Soglia frequenza %', 'number'),
    col('cost', 'Costo (€)', 'euro'),
    col('status', 'Stato', 'text', { required: true, dropdown: COURSE_STATUS }),
  ],
  sessioni: [
    col('id', 'ID', 'code', { required: true, system: true }),
    col('course', 'Corso', 'code', { required: true, dropdown: { tab: 'Corsi', header: 'Codice' } }),
    col('date', 'Data', 'date', { required: true }),
    col('start', 'Inizio', 'time', { required: true }),
    col('end', 'Fine', 'time', { required: true }),
    col('venue', 'Sede', 'text'),
    col('eventId', 'ID evento', 'code', { system: true }),
    col('meetLink', 'Link Meet', 'link', { system: true }),
    col('status', 'Stato', 'text', { dropdown: SESSION_STATUS }),
  ],
  iscrizioni: [
    col('id', 'ID', 'code', { required: true, system: true }),
    col('requestedAt', 'Data richiesta', 'datetime', { required: true }),
    col('course', 'Corso', 'code', { required: true, dropdown: { tab: 'Corsi', header: 'Codice' } }),
    col('email', 'Email', 'text', { required: true }),
    col('employeeId', 'Dipendente', 'code'),
    col('status', 'Stato', 'text', { required: true, dropdown: ENROLLMENT_STATUS }),
    col('waitPosition', 'Posizione attesa', 'number'),
    col('origin', 'Origine', 'text', { dropdown: ENROLLMENT_ORIGIN }),
    col('responseId', 'ID risposta', 'code', { system: true }),
    col('notes', 'Note', 'text'),
  ],
  presenze: [
    col('session', 'Sessione', 'code', { required: true }),
    col('course', 'Corso', 'code', { required: true }),
    col('employeeId', 'Dipendente', 'code', { required: true }),
    col('lastName', 'Cognome', 'text'),
    col('firstName', 'Nome', 'text'),
    col('comune', 'Comune', 'text'),
    col('email', 'Email', 'text'),
    col('present', 'Presente', 'bool', { required: true }),
    col('hours', 'Ore', 'number'),
  ],
  attestati: [
    col('number', 'Numero', 'code', { required: true, system: true }),
    col('course', 'Corso', 'code', { required: true, system: true }),
    col('employeeId', 'Dipendente', 'code', { required: true, system: true }),
    col('email', 'Email', 'text', { system: true }),
    col('hoursAttended', 'Ore frequentate', 'number', { system: true }),
    col('issuedOn', 'Data rilascio', 'datetime', { system: true }),
    col('pdfUrl', 'PDF', 'link', { system: true }),
    col('fileId', 'ID file', 'code', { system: true }),
    col('sentAt', 'Inviato il', 'datetime', { system: true }),
    col('verificationCode', 'Codice verifica', 'code', { system: true }),
    col('version', 'Versione', 'number', { system: true }),
  ],
  registro: [
    col('at', 'Quando', 'datetime', { required: true, system: true }),
    col('who', 'Chi', 'text', { required: true, system: true }),
    col('action', 'Azione', 'text', { required: true, system: true }),
    col('details', 'Dettagli', 'text', { required: true, system: true }),
  ],
  formazioneEsterna: [
    col('email', 'Email', 'text', { required: true }),
    col('title', 'Titolo', 'text', { required: true }),
    col('provider', 'Ente', 'text'),
    col('hours', 'Ore', 'number', { required: true }),
    col('date', 'Data', 'date', { required: true }),
  ],
  impostazioni: [col('key', 'Chiave', 'text', { required: true }), col('value', 'Valore', 'code', { required: true })],
} satisfies Record<string, ColumnSpec[]>;

export type RegistryTabKey = keyof typeof COLUMNS;

/** Report tabs: rewritten whole by "Aggiorna report"; staff never type in them. */
export const REPORT_HEADERS = {
  reportDipendenti: [
    'ID',
    'Nome',
    'Cognome',
    'Comune',
    'Ore anno',
    'Ore obiettivo',
    'Ore mancanti',
    'Corsi frequentati',
    'Obiettivo raggiunto',
  ],
  reportComuni: [
    'Comune',
    'Dipendenti',
    'Dipendenti formati',
    'Ore totali',
    'Ore medie per dipendente',
    '% obiettivo raggiunto',
    'Quota annuale (€)',
    'Quota pagata',
    'Quota costi (€)',
  ],
  reportCorsi: [
    'Codice',
    'Titolo',
    'Posti',
    'Confermate',
    'In attesa',
    'Riempimento %',
    'Frequenza media %',
    'Assenti',
    'Attestati',
    'Gradimento medio',
    'Costo (€)',
    'Costo per ora-partecipante (€)',
  ],
  bilancio: ['Voce', 'Importo (€)'],
} as const;

export type ReportTabKey = keyof typeof REPORT_HEADERS;

/** Every tab's headers in documented order, by tab name. */
export const HEADERS = Object.fromEntries([
  ...(Object.keys(COLUMNS) as RegistryTabKey[]).map((k) => [TAB[k], COLUMNS[k].map((c) => c.header)] as const),
  ...(Object.keys(REPORT_HEADERS) as ReportTabKey[]).map((k) => [TAB[k], REPORT_HEADERS[k]] as const),
]) as Record<TabName, readonly string[]>;

/** Tabs in the order setup creates them. */
export const TAB_ORDER: readonly TabName[] = [
  TAB.comuni,
  TAB.dipendenti,
  TAB.corsi,
  TAB.sessioni,
  TAB.iscrizioni,
  TAB.presenze,
  TAB.attestati,
  TAB.formazioneEsterna,
  TAB.impostazioni,
  TAB.registro,
  TAB.reportDipendenti,
  TAB.reportComuni,
  TAB.reportCorsi,
  TAB.bilancio,
];

/** Tabs the add-on alone writes: protected whole (warning only). */
export const SYSTEM_TABS: readonly TabName[] = [
  TAB.attestati,
  TAB.registro,
  TAB.reportDipendenti,
  TAB.reportComuni,
  TAB.reportCorsi,
  TAB.bilancio,
];

export function columnsOf(tab: TabName): readonly ColumnSpec[] {
  const key = (Object.keys(COLUMNS) as RegistryTabKey[]).find((k) => TAB[k] === tab);
  return key ? COLUMNS[key] : [];
}

/** Settings keys (docs/product.md, "Settings"), in the order setup writes them. */
export const SETTING_KEYS = {
  year: 'Anno formativo',
  targetHours: 'Ore obiettivo annue',
  defaultThreshold: 'Soglia frequenza % predefinita',
  requireFeePaid: 'Richiedi quota pagata',
  staff: 'Staff autorizzati',
  referentApproval: 'Approvazione referente',
  maxSeatsPerComune: 'Posti massimi per comune',
  reminderDaysBefore: 'Promemoria giorni prima',
  calendarId: 'ID calendario',
  enrollmentFormId: 'ID modulo iscrizioni',
  templateDocId: 'ID modello attestato',
  certificatesFolderId: 'ID cartella attestati',
  senderName: 'Nome mittente',
  orgName: 'Nome ente',
  staffNotificationEmail: 'Email staff per notifiche',
} as const;

export type SettingField = keyof typeof SETTING_KEYS;
