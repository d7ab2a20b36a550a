import { defaultLatencyModel, type LatencyModel } from '../../../src/local/runtime/latency';
import { snapshotDrive } from '../../../src/local/services/drive';
import { calendarNotifications, snapshotCalendar } from '../../../src/local/services/calendar';
import { hostResponseEmails } from '../../../src/local/services/forms';
import { hostTabNames } from '../../../src/local/services/spreadsheet';
import { academyWith as certificateAcademy, people } from '../certificates/academy';
import { academyWith, COMUNI, course, PEOPLE, publish, rows, step } from '../enrollment/helpers';

jest.setTimeout(60_000);

describe('certificate verification', () => {
  test('a code answers valid with number, course, date and initials; a replaced one says so; an unknown one is not found', async () => {
    const academy = await certificateAcademy([{ code: 'EXC', hours: 4, people: people(1) }]);
    expect(step(academy, { do: 'call', fn: 'issueCertificates', args: ['EXC'] }).ok).toBe(true);
    const cert = rows(academy, 'Attestati')[0]!;
    const code = String(cert['Codice verifica']);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{11}$/);

    const page = String(
      step(academy, { do: 'visit', url: `https://script.google.com/macros/s/x/exec?verifica=${code.toLowerCase()}` })
        .value,
    );
    expect(page).toContain('Attestato valido');
    expect(page).toContain(String(cert.Numero));
    expect(page).toContain('Corso EXC (EXC)');
    expect(page).toContain('N. C.');
    expect(page).not.toContain('Nome1');
    expect(page).not.toContain('dip1@');

    expect(step(academy, { do: 'call', fn: 'reissueCertificate', args: [cert.Numero] }).ok).toBe(true);
    const replaced = String(
      step(academy, { do: 'visit', url: `https://script.google.com/macros/s/x/exec?verifica=${code}` }).value,
    );
    expect(replaced).toContain('Attestato sostituito');
    const current = String(rows(academy, 'Attestati')[0]!['Codice verifica']);
    expect(
      String(
        step(academy, { do: 'visit', url: `https://script.google.com/macros/s/x/exec?verifica=${current}` }).value,
      ),
    ).toContain('Versione: 2');

    expect(
      String(
        step(academy, { do: 'visit', url: 'https://script.google.com/macros/s/x/exec?verifica=ABCDEFGHJKL' }).value,
      ),
    ).toContain('Attestato non trovato');
    expect(
      String(step(academy, { do: 'visit', url: 'https://script.google.com/macros/s/x/exec?verifica=%3Cb%3E' }).value),
    ).toContain('Codice non valido');
  });
});

describe('fair shares', () => {
  test('a comune at its cap waits while a seat goes to the next person from another comune; a freed seat follows the cap', async () => {
    const crema = (n: number) => ({
      Nome: `C${n}`,
      Cognome: 'Crema',
      Email: `c${n}@comune.crema.cr.it`,
      Comune: 'Crema',
      Ruolo: 'Dipendente',
      Attivo: true,
    });
    const academy = await academyWith({
      settings: { 'Posti massimi per comune': 2 },
      registry: {
        Comuni: COMUNI,
        Dipendenti: [crema(1), crema(2), crema(3), PEOPLE[2]!],
        Corsi: [course({ Posti: 3 })],
        Sessioni: [],
      },
    });
    publish(academy);
    for (const e of ['c1@comune.crema.cr.it', 'c2@comune.crema.cr.it', 'c3@comune.crema.cr.it', PEOPLE[2]!.Email])
      step(academy, { do: 'submit', email: e, courses: ['EXC-BASE'] });
    const view = () => rows(academy, 'Iscrizioni').map((r) => [r.Email, r.Stato, r['Posizione attesa']]);
    expect(view()).toEqual([
      ['c1@comune.crema.cr.it', 'Confermata', ''],
      ['c2@comune.crema.cr.it', 'Confermata', ''],
      ['c3@comune.crema.cr.it', 'In attesa', 1],
      [PEOPLE[2]!.Email, 'Confermata', ''],
    ]);
    step(academy, { do: 'call', fn: 'cancelEnrollment', args: [rows(academy, 'Iscrizioni')[0]!.ID] });
    expect(view()[2]).toEqual(['c3@comune.crema.cr.it', 'Confermata', '']);
  });
});

describe('privacy retention', () => {
  test('anonymises rows older than the retention years and keeps the reports totals', async () => {
    const academy = await certificateAcademy([
      { code: 'EXC', hours: 4, people: [...people(2), { first: 'Assente', last: 'Sempre', hours: [0, 0] }] },
    ]);
    expect(step(academy, { do: 'call', fn: 'issueCertificates', args: ['EXC'] }).ok).toBe(true);
    const report = () => {
      expect(step(academy, { do: 'call', fn: 'refreshReports' }).ok).toBe(true);
      return { corsi: rows(academy, 'Report corsi'), bilancio: rows(academy, 'Bilancio') };
    };
    const before = report();
    expect(step(academy, { do: 'call', fn: 'applyRetention' }).ok).toBe(true);
    expect(rows(academy, 'Iscrizioni').every((r) => String(r.Email).endsWith('.cr.it'))).toBe(true);

    step(academy, { do: 'edit', tab: 'Impostazioni', where: { Chiave: 'Anni di conservazione' }, set: { Valore: 1 } });
    if (!rows(academy, 'Impostazioni').some((r) => r.Chiave === 'Anni di conservazione')) {
      step(academy, { do: 'append', tab: 'Impostazioni', rows: [{ Chiave: 'Anni di conservazione', Valore: 1 }] });
    }
    academy.ws.clock.advance(400 * 24 * 60 * 60_000);
    const run = step(academy, { do: 'call', fn: 'applyRetention' });
    expect(run.ok).toBe(true);
    const enrollments = rows(academy, 'Iscrizioni');
    expect(
      enrollments.every(
        (r) =>
          /^anonimo-[0-9a-f]{12}@anonimo\.invalid$/.test(String(r.Email)) &&
          String(r.Dipendente).startsWith('ANON-') &&
          r.Note === '',
      ),
    ).toBe(true);
    const attendance = rows(academy, 'Presenze');
    expect(
      attendance.every((r) => String(r.Dipendente).startsWith('ANON-') && String(r.Email).endsWith('@anonimo.invalid')),
    ).toBe(true);
    // The same person gets the same pseudonym in every tab.
    expect(new Set(attendance.map((r) => r.Dipendente))).toEqual(new Set(enrollments.map((r) => r.Dipendente)));
    const certs = rows(academy, 'Attestati');
    expect(certs.every((r) => r['ID file'] === '' && r.PDF === '' && String(r.Dipendente).startsWith('ANON-'))).toBe(
      true,
    );
    expect(snapshotDrive(academy.ws).filter((f) => f.mimeType === 'application/pdf')).toHaveLength(0);

    expect(report()).toEqual(before);
    // A second run finds nothing left to do.
    const again = step(academy, { do: 'call', fn: 'applyRetention' }).value as {
      enrollments: number;
      attendance: number;
      certificates: number;
    };
    expect([again.enrollments, again.attendance, again.certificates]).toEqual([0, 0, 0]);
  });

  test("removes people from the form's old responses, the responses tab, old Registro lines and old events; recent ones and staff stay", async () => {
    const academy = await academyWith({ settings: { 'Anni di conservazione': 1 } });
    publish(academy);
    const formId = String(rows(academy, 'Impostazioni').find((r) => r.Chiave === 'ID modulo iscrizioni')?.Valore);
    for (const p of PEOPLE.slice(0, 2))
      expect(step(academy, { do: 'submit', email: p.Email, courses: ['EXC-BASE'] }).ok).toBe(true);
    expect(step(academy, { do: 'call', fn: 'syncCalendar' }).ok).toBe(true);
    expect(snapshotCalendar(academy.ws).every((e) => e.attendees.length === 2)).toBe(true);
    const tabName = hostTabNames(academy.ws, academy.spreadsheetId).find((t) => t.startsWith('Risposte del modulo'));
    expect(tabName).toBeDefined();

    academy.ws.clock.advance(430 * 24 * 60 * 60_000);
    const recent = PEOPLE[2]!;
    expect(step(academy, { do: 'submit', email: recent.Email, courses: ['EXC-BASE'] }).ok).toBe(true);
    const notified = calendarNotifications(academy.ws).length;
    const writes = academy.ws.methodCounts['Spreadsheet.setValues'] ?? 0;
    const run = step(academy, { do: 'call', fn: 'applyRetention' });
    // One block per tab (Iscrizioni, responses tab, Registro with its staff lines in between) and the log line.
    expect((academy.ws.methodCounts['Spreadsheet.setValues'] ?? 0) - writes).toBeLessThanOrEqual(4);
    expect(run.ok).toBe(true);
    const result = run.value as {
      responsesDeleted: number;
      responsesLeft: number;
      responseRows: number;
      logLines: number;
      eventsCleared: number;
      message: string;
    };
    // The old sessions' events stay, without attendees, and nobody is told.
    expect(result.eventsCleared).toBe(2);
    expect(snapshotCalendar(academy.ws).map((e) => [e.status, e.attendees])).toEqual([
      ['confirmed', []],
      ['confirmed', []],
    ]);
    expect(calendarNotifications(academy.ws)).toHaveLength(notified);
    expect([result.responsesDeleted, result.responsesLeft, result.responseRows]).toEqual([2, 0, 2]);
    expect(result.logLines).toBeGreaterThan(0);
    expect(result.message).toContain('risposte eliminate dal modulo 2');

    expect(hostResponseEmails(academy.ws, formId)).toEqual([recent.Email]);
    const responses = rows(academy, String(tabName));
    expect(responses).toHaveLength(3);
    const [first, second, third] = responses as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    for (const old of [first, second]) {
      expect(String(old['Indirizzo email'])).toMatch(/^anonimo-[0-9a-f]{12}@anonimo\.invalid$/);
      expect([old.Nome, old.Cognome]).toEqual(['', '']);
      expect(String(old.Corsi)).toContain('EXC-BASE');
      expect(old['Informazioni cronologiche']).toBeTruthy();
    }
    expect([third['Indirizzo email'], third.Nome]).toEqual([recent.Email, recent.Nome]);
    // The responses tab and Iscrizioni give a person the same pseudonym.
    const enrollments = rows(academy, 'Iscrizioni');
    expect(enrollments.map((r) => r.Email).slice(0, 2)).toEqual([first['Indirizzo email'], second['Indirizzo email']]);

    const log = rows(academy, 'Registro');
    const text = log.map((r) => `${String(r.Chi)} ${String(r.Dettagli)}`).join('\n');
    for (const p of PEOPLE.slice(0, 2)) expect(text).not.toContain(p.Email);
    expect(text).toContain(recent.Email);
    expect(log.some((r) => String(r.Azione) === 'Conservazione dati')).toBe(true);

    const again = step(academy, { do: 'call', fn: 'applyRetention' }).value as {
      responsesDeleted: number;
      responseRows: number;
      logLines: number;
      eventsCleared: number;
    };
    expect([again.responsesDeleted, again.responseRows, again.logLines, again.eventsCleared]).toEqual([0, 0, 0, 0]);
    // A later full sync leaves the past sessions alone: no pseudonym is ever invited.
    expect(step(academy, { do: 'call', fn: 'syncCalendar' }).ok).toBe(true);
    expect(snapshotCalendar(academy.ws).every((e) => e.attendees.length === 0)).toBe(true);
  });

  test('stops trashing PDFs when its time budget is spent, under the 6-minute limit, and the next run goes on', async () => {
    let slowDrive = 0;
    const latency: LatencyModel = {
      cost: (service, method, cells) =>
        defaultLatencyModel.cost(service, method, cells) + (service === 'Drive' ? slowDrive : 0),
    };
    const academy = await certificateAcademy(
      [{ code: 'EXC', hours: 4, people: people(20) }],
      { 'Anni di conservazione': 1 },
      { latency },
    );
    expect(step(academy, { do: 'call', fn: 'issueCertificates', args: ['EXC'] }).ok).toBe(true);
    step(academy, { do: 'advance', minutes: 60 });
    expect(rows(academy, 'Attestati').filter((r) => r['ID file'] !== '')).toHaveLength(20);

    academy.ws.clock.advance(400 * 24 * 60 * 60_000);
    slowDrive = 10_000;
    const run = step(academy, { do: 'call', fn: 'applyRetention' });
    expect(run.ok).toBe(true);
    const first = run.value as { filesTrashed: number; filesLeft: number };
    expect(first.filesTrashed).toBeGreaterThan(0);
    expect(first.filesTrashed).toBeLessThan(20);
    expect(first.filesLeft).toBe(20 - first.filesTrashed);

    slowDrive = 0;
    const second = step(academy, { do: 'call', fn: 'applyRetention' }).value as {
      filesTrashed: number;
      filesLeft: number;
    };
    expect([second.filesTrashed, second.filesLeft]).toEqual([20 - first.filesTrashed, 0]);
    expect(snapshotDrive(academy.ws).filter((f) => f.mimeType === 'application/pdf')).toHaveLength(0);
  });
});
