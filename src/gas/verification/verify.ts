/**
 * Certificate verification (`doGet?verifica=CODE`): whether a code belongs to a valid certificate or to
 * one replaced by a later version, with its number, course, date and the holder's initials only.
 */
import { CODE_ALPHABET, CODE_LENGTH } from '../../core/certificates/verification';
import { canonicalCode, initials } from '../../core/certificates/holder';
import { TAB } from '../../core/registry/tabs';
import { readTable } from '../registry/table';
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

export function verificationPage(input: string): Page {
  const code = canonicalCode(input);
  if (!VALID_CODE.test(code)) {
    return {
      title: 'Codice non valido',
      tone: 'error',
      lines: [
        `Il codice di verifica è formato da ${CODE_LENGTH} caratteri (lettere e cifre, come stampato sull'attestato). Controlla di averlo copiato per intero.`,
      ],
    };
  }
  const certificates = readTable(TAB.attestati).rows.map((r) => r.record);
  let cert = certificates.find((c) => canonicalCode(c.verificationCode) === code);
  let replaced = false;
  if (!cert) {
    const number = replacedCodes()[code];
    if (number) {
      cert = certificates.filter((c) => c.number === number).sort((a, b) => b.version - a.version)[0];
      replaced = cert !== undefined;
    }
  }
  if (!cert) {
    return {
      title: 'Attestato non trovato',
      tone: 'error',
      lines: [
        `Nessun attestato corrisponde al codice ${code}. Controlla il codice; se è corretto, l'attestato non è stato rilasciato dal Consorzio.`,
      ],
    };
  }
  const course = readTable(TAB.corsi).rows.find((r) => r.record.code === cert.course)?.record;
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
