/**
 * The demo consortium's yearly catalog: every course family a Cremasco training office offers, each in
 * one or more editions, 64 courses and about 200 sessions in all.
 */
export interface DemoCourse {
  code: string;
  title: string;
  area: 'Competenze digitali' | 'Soft skill' | 'Servizi digitali e normativa';
  description: string;
  teacher: string;
  hours: number;
  /** Length of one session; the last session takes the remainder. */
  sessionHours: number;
  mode: 'In presenza' | 'Online' | 'Mista';
  venue: string;
  seats: number;
  audience: string[];
  threshold: number | null;
  cost: number;
  status: 'Bozza' | 'Iscrizioni aperte' | 'Iscrizioni chiuse' | 'Concluso' | 'Annullato';
}

interface Family {
  code: string;
  title: string;
  area: DemoCourse['area'];
  description: string;
  teachers: string[];
  hours: number;
  sessionHours: number;
  mode: DemoCourse['mode'];
  seats: number;
  audience: string[];
  threshold?: number;
  costPerHour: number;
  editions: number;
}

const VENUES = [
  'Crema, sala formazione del Consorzio, via Del Commercio 29',
  'Pandino, sala consiliare del Municipio',
  "Rivolta d'Adda, sala civica",
  'Soncino, biblioteca comunale',
  'Castelleone, auditorium comunale',
];

const MANAGERS = ['Responsabile di servizio', 'Segretario comunale'];

const FAMILIES: Family[] = [
  {
    code: 'WRD-BASE',
    title: 'Word di base: documenti chiari e accessibili',
    area: 'Competenze digitali',
    description: 'Formattazione, stili, modelli, elenchi e tabelle; documenti accessibili.',
    teachers: ['Marco Villa', 'Chiara Oldani'],
    hours: 6,
    sessionHours: 2,
    mode: 'In presenza',
    seats: 16,
    audience: [],
    costPerHour: 90,
    editions: 4,
  },
  {
    code: 'WRD-AVZ',
    title: 'Word avanzato: modelli, stampa unione e revisioni',
    area: 'Competenze digitali',
    description: 'Modelli di atto, stampa unione da elenchi, revisioni e commenti.',
    teachers: ['Chiara Oldani'],
    hours: 6,
    sessionHours: 2,
    mode: 'Online',
    seats: 25,
    audience: [],
    costPerHour: 90,
    editions: 3,
  },
  {
    code: 'EXC-BASE',
    title: 'Excel di base',
    area: 'Competenze digitali',
    description: 'Celle, formule, formati, ordinamento e filtri.',
    teachers: ['Marco Villa', 'Luca Piloni'],
    hours: 12,
    sessionHours: 3,
    mode: 'In presenza',
    seats: 16,
    audience: [],
    costPerHour: 90,
    editions: 5,
  },
  {
    code: 'EXC-AVZ',
    title: 'Excel avanzato: funzioni, tabelle pivot e grafici',
    area: 'Competenze digitali',
    description: 'CERCA.X, SOMMA.PIÙ.SE, tabelle pivot, grafici per i report di servizio.',
    teachers: ['Luca Piloni'],
    hours: 12,
    sessionHours: 3,
    mode: 'Online',
    seats: 25,
    audience: [],
    costPerHour: 100,
    editions: 3,
  },
  {
    code: 'GWS-BASE',
    title: 'Google Workspace in ufficio: Gmail, Calendar, Drive',
    area: 'Competenze digitali',
    description: 'Posta, agenda condivisa, cartelle condivise e permessi.',
    teachers: ['Sara Dossena'],
    hours: 6,
    sessionHours: 2,
    mode: 'Online',
    seats: 30,
    audience: [],
    costPerHour: 80,
    editions: 4,
  },
  {
    code: 'GWS-COLL',
    title: 'Lavorare insieme con Documenti, Fogli e Moduli Google',
    area: 'Competenze digitali',
    description: 'Scrittura condivisa, fogli di calcolo collaborativi, moduli per raccogliere dati.',
    teachers: ['Sara Dossena'],
    hours: 6,
    sessionHours: 2,
    mode: 'Online',
    seats: 30,
    audience: [],
    costPerHour: 80,
    editions: 3,
  },
  {
    code: 'TEL-CITT',
    title: 'Al telefono con i cittadini: accoglienza e gestione dei casi difficili',
    area: 'Soft skill',
    description: 'Ascolto, chiarezza, richieste complesse e cittadini in difficoltà.',
    teachers: ['Elena Sala', 'Giorgio Bettinelli'],
    hours: 8,
    sessionHours: 2,
    mode: 'In presenza',
    seats: 20,
    audience: [],
    costPerHour: 110,
    editions: 4,
  },
  {
    code: 'COM-TEC',
    title: 'Comunicare allo sportello tecnico',
    area: 'Soft skill',
    description: 'Spiegare pratiche edilizie e procedimenti a cittadini e professionisti.',
    teachers: ['Giorgio Bettinelli'],
    hours: 8,
    sessionHours: 2,
    mode: 'In presenza',
    seats: 18,
    audience: [],
    costPerHour: 110,
    editions: 3,
  },
  {
    code: 'LEAD-COLL',
    title: 'Guidare i collaboratori: obiettivi, delega e feedback',
    area: 'Soft skill',
    description: 'Il ruolo del responsabile, colloqui di valutazione, delega efficace.',
    teachers: ['Paola Guerini Rocco'],
    hours: 12,
    sessionHours: 3,
    mode: 'In presenza',
    seats: 15,
    audience: MANAGERS,
    threshold: 80,
    costPerHour: 150,
    editions: 3,
  },
  {
    code: 'LEAD-REM',
    title: 'Guidare team a distanza e in lavoro agile',
    area: 'Soft skill',
    description: 'Coordinare il lavoro agile, riunioni online efficaci, fiducia e risultati.',
    teachers: ['Paola Guerini Rocco'],
    hours: 8,
    sessionHours: 2,
    mode: 'Mista',
    seats: 20,
    audience: MANAGERS,
    costPerHour: 150,
    editions: 3,
  },
  {
    code: 'SUAP',
    title: 'SUAP: procedimenti, portale e controlli',
    area: 'Servizi digitali e normativa',
    description: 'Procedimenti unici, SCIA, conferenza di servizi, portale impresainungiorno.',
    teachers: ['Roberto Scotti'],
    hours: 8,
    sessionHours: 2,
    mode: 'Online',
    seats: 30,
    audience: [],
    costPerHour: 120,
    editions: 3,
  },
  {
    code: 'SUE',
    title: "SUE: lo sportello unico per l'edilizia digitale",
    area: 'Servizi digitali e normativa',
    description: 'Titoli edilizi, istruttoria digitale, conservazione delle pratiche.',
    teachers: ['Roberto Scotti'],
    hours: 8,
    sessionHours: 2,
    mode: 'Online',
    seats: 30,
    audience: [],
    costPerHour: 120,
    editions: 3,
  },
  {
    code: 'SPOL',
    title: 'Lo sportello polifunzionale: un punto unico per il cittadino',
    area: 'Servizi digitali e normativa',
    description: 'Servizi integrati di anagrafe, protocollo, tributi e servizi online allo sportello.',
    teachers: ['Federica Tadi'],
    hours: 9,
    sessionHours: 3,
    mode: 'Mista',
    seats: 24,
    audience: [],
    costPerHour: 110,
    editions: 3,
  },
  {
    code: 'PAGOPA',
    title: 'pagoPA: avvisi, incassi e riconciliazione',
    area: 'Servizi digitali e normativa',
    description: 'Posizioni debitorie, avvisi di pagamento, riconciliazione con la tesoreria.',
    teachers: ['Stefano Marazzi'],
    hours: 6,
    sessionHours: 2,
    mode: 'Online',
    seats: 40,
    audience: [],
    costPerHour: 100,
    editions: 4,
  },
  {
    code: 'APPIO',
    title: 'App IO: attivare i servizi e inviare messaggi',
    area: 'Servizi digitali e normativa',
    description: "Onboarding dell'ente, servizi e messaggi, pagamenti e scadenze.",
    teachers: ['Stefano Marazzi'],
    hours: 4,
    sessionHours: 2,
    mode: 'Online',
    seats: 40,
    audience: [],
    costPerHour: 100,
    editions: 3,
  },
  {
    code: 'GDPR',
    title: 'GDPR per gli uffici comunali',
    area: 'Servizi digitali e normativa',
    description: 'Basi giuridiche, informative, registro dei trattamenti, violazioni dei dati.',
    teachers: ['Elena Sala'],
    hours: 4,
    sessionHours: 2,
    mode: 'Online',
    seats: 50,
    audience: [],
    costPerHour: 100,
    editions: 5,
  },
  {
    code: 'CYBER',
    title: 'Sicurezza informatica: riconoscere phishing e truffe',
    area: 'Competenze digitali',
    description: "Password, autenticazione a due fattori, phishing, dispositivi e dati dell'ente.",
    teachers: ['Davide Zucchetti'],
    hours: 4,
    sessionHours: 2,
    mode: 'Online',
    seats: 50,
    audience: [],
    costPerHour: 100,
    editions: 5,
  },
  {
    code: 'DOCDIG',
    title: 'La formazione del documento informatico',
    area: 'Servizi digitali e normativa',
    description: 'Linee guida AgID, formati, metadati, firma, fascicolo e conservazione.',
    teachers: ['Federica Tadi'],
    hours: 6,
    sessionHours: 2,
    mode: 'Mista',
    seats: 30,
    audience: [],
    costPerHour: 110,
    editions: 3,
  },
];

function editionsOf(family: Family, familyIndex: number): DemoCourse[] {
  return Array.from({ length: family.editions }, (_, e) => ({
    code: `${family.code}-${e + 1}`,
    title: family.editions > 1 ? `${family.title} (ed. ${e + 1})` : family.title,
    area: family.area,
    description: family.description,
    teacher: family.teachers[e % family.teachers.length] as string,
    hours: family.hours,
    sessionHours: family.sessionHours,
    mode: family.mode,
    venue: VENUES[(familyIndex + e) % VENUES.length] as string,
    seats: family.seats,
    audience: family.audience,
    threshold: family.threshold ?? null,
    cost: family.hours * family.costPerHour,
    status: e === family.editions - 1 && familyIndex % 6 === 5 ? 'Bozza' : 'Iscrizioni aperte',
  }));
}

export const DEMO_CATALOG: readonly DemoCourse[] = FAMILIES.flatMap(editionsOf);
