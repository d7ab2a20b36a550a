/**
 * Certificate verification (`doGet?verifica=CODE`): whether a code belongs to a valid certificate or to
 * one replaced by a later version, with its number, course, date and the holder's initials only.
 */
import { CODE_ALPHABET, CODE_LENGTH } from '../../core/certificates/verification';
import { canonicalCode, initials } from '../../core/certificates/holder';
import { TAB } from '../../core/registry/tabs';
import { decodeTable, type RecordByTab, type RegistryTab } from '../../core/registry/codec';
import { readTable } from '../registry/table';
import { archivedYears, openArchive, readArchivedGrid } from '../years/archives';
import { formatInSpreadsheetZone } from '../registry/workbook';
import type { Page } from '../webapp/page';
import { readProperty, writeProperties } from '../platform/properties';

/** Replaced codes remembered (reissues are rare: a few a year). */
const REPLACED_MAX = 300;

function replacedCodes(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readProperty('a4pa.cert.replaced') ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Called by a reissue: the old code keeps answering, as "replaced", instead of "not found". */
export function recordReplacedCode(code: string, number: string): void {
  const c = canonicalCode(code);
  if (!c) return;
  const map = replacedCodes();
  map[c] = number;
  const keys = Object.keys(map);
  for (const k of keys.slice(0, Math.max(0, keys.length - REPLACED_MAX))) delete map[k];
  writeProperties({ 'a4pa.cert.replaced': JSON.stringify(map) });
}

const VALID_CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

function day(d: Date | null): string {
  return d ? formatInSpreadsheetZone(d, 'dd/MM/yyyy') : 'non indicata';
}

type CertificateRecord = RecordByTab['Attestati'];

interface Found {
  cert: CertificateRecord;
  replaced: boolean;
  /** The courses of the certificate's year: this year's tab, or the archive's. */
  courses: () => Array<RecordByTab['Corsi']>;
}

/** A code among certificates: valid if it is a row's code, replaced if a reissue recorded it. */
function lookUp(
  certificates: readonly CertificateRecord[],
  code: string,
): { cert: CertificateRecord; replaced: boolean } | null {
  const cert = certificates.find((c) => canonicalCode(c.verificationCode) === code);
  if (cert) return { cert, replaced: false };
  const number = replacedCodes()[code];
  if (!number) return null;
  const latest = certificates.filter((c) => c.number === number).sort((a, b) => b.version - a.version)[0];
  return latest ? { cert: latest, replaced: true } : null;
}

/**
 * The certificate of a code in this year's `Attestati`, else in the closed years' archives, newest
 * first: a certificate keeps answering after its year is archived.
 */
function findCertificate(code: string): Found | null {
  const current = lookUp(
    readTable(TAB.attestati).rows.map((r) => r.record),
    code,
  );
  if (current) return { ...current, courses: () => readTable(TAB.corsi).rows.map((r) => r.record) };
  for (const year of archivedYears()) {
    const archive = openArchive(year);
    if (!archive) continue;
    const decoded = <N extends RegistryTab>(tab: N): Array<RecordByTab[N]> =>
      decodeTable(tab, readArchivedGrid(archive, tab), formatInSpreadsheetZone).rows.map((r) => r.record);
    const archived = lookUp(decoded(TAB.attestati), code);
    if (archived) return { ...archived, courses: () => decoded(TAB.corsi) };
  }
  return null;
}

export function verificationPage(input: string): Page {
  const code = canonicalCode(input);
  if (!VALID_CODE.test(code)) {
    return {
      title: 'Codice non valido',
      tone: 'error',
      lines: [
        `Il codice di verifica è formato da ${CODE_LENGTH} caratteri (lettere e cifre, come stampato sull'attestato). Controlli di averlo copiato per intero.`,
      ],
    };
  }
  const found = findCertificate(code);
  if (!found) {
    return {
      title: 'Attestato non trovato',
      tone: 'error',
      lines: [
        `Nessun attestato corrisponde al codice ${code}. Controlli il codice; se è corretto, l'attestato non è stato rilasciato dal Consorzio.`,
      ],
    };
  }
  const { cert, replaced } = found;
  const course = found.courses().find((c) => c.code === cert.course);
  const employee = readTable(TAB.dipendenti).rows.find((r) => r.record.id === cert.employeeId)?.record;
  const holder = employee ? initials(employee.firstName, employee.lastName) : '';
  const facts: Array<readonly [string, string]> = [
    ['Numero', cert.number],
    ['Corso', course ? `${course.title} (${cert.course})` : cert.course],
    ['Data di rilascio', day(cert.issuedOn)],
    ['Titolare (iniziali)', holder || 'non disponibili'],
    ['Versione', String(cert.version)],
  ];
  if (replaced) {
    return {
      title: 'Attestato sostituito',
      tone: 'warning',
      lines: [
        `Il codice ${code} apparteneva all'attestato ${cert.number}, che è stato sostituito da una versione successiva: fa fede solo l'ultima versione.`,
      ],
      facts,
    };
  }
  return {
    title: 'Attestato valido',
    tone: 'ok',
    lines: [`Il codice ${code} corrisponde a un attestato valido rilasciato dal Consorzio.`],
    facts,
  };
}
