/** Attendance from Meet as staff read it in the sidebar: the preview, the outcome, the names to confirm. */
import type { MeetImportReport, MeetSessionReport } from '../src/gas/attendance/meet-import';
import { meetPreviewView, meetResultView } from './meet';

function session(over: Partial<MeetSessionReport> = {}): MeetSessionReport {
  return {
    session: 'WEB-PA-S1',
    course: 'WEB-PA',
    date: '2027-03-10',
    mixed: false,
    participants: 5,
    written: [{ employeeId: 'D00001', name: 'Paola Neri', present: true, hours: 2.75 }],
    kept: [],
    toConfirm: [{ employeeId: 'D00002', name: 'Anna Bassi', displayName: 'anna bassi', hours: 0.5 }],
    unmatched: [{ displayName: 'Ospite Esterno', email: 'ospite@gmail.com', hours: 2 }],
    absent: [{ employeeId: 'D00003', name: 'Luca Ferrari' }],
    ...over,
  };
}

function report(sessions: MeetSessionReport[], skipped: MeetImportReport['skipped'] = []): MeetImportReport {
  return { message: 'Anteprima presenze da Meet: 1 sessioni lette, 1 righe da compilare.', sessions, skipped };
}

describe('meetPreviewView', () => {
  it('lists what would be filled, the names to confirm, the strangers and who never joined, by session', () => {
    const view = meetPreviewView(report([session()]));
    expect(view.lists).toEqual([
      { title: 'WEB-PA del 10/03/2027: righe da compilare (1)', items: ['Paola Neri — presente, 2,75 ore'] },
      { title: 'WEB-PA del 10/03/2027: nomi da confermare (1)', items: ['«anna bassi» sembra Anna Bassi — 0,5 ore'] },
      {
        title: 'WEB-PA del 10/03/2027: partecipanti non riconosciuti (1)',
        items: ['Ospite Esterno (ospite@gmail.com) — 2 ore'],
      },
      { title: 'WEB-PA del 10/03/2027: iscritti mai collegati (1)', items: ['Luca Ferrari'] },
    ]);
    expect(view.confirm).toBe('Conferma: importa le presenze di 1 sessione');
  });

  it('offers nothing to confirm when no call was found, and says which sessions were not read and why', () => {
    const view = meetPreviewView(
      report([], [{ session: 'WEB-PA-S2', reason: 'nessuna chiamata Meet registrata in quel giorno' }]),
    );
    expect(view.confirm).toBe('');
    expect(view.lists).toEqual([
      { title: 'Sessioni non lette (1)', items: ['WEB-PA-S2 — nessuna chiamata Meet registrata in quel giorno'] },
    ]);
  });

  it('shows the cells staff changed by hand next to what Meet would give', () => {
    const kept = session({
      written: [],
      toConfirm: [],
      unmatched: [],
      absent: [],
      kept: [{ employeeId: 'D00001', name: 'Paola Neri', hours: 3, meetHours: 2.75 }],
    });
    expect(meetPreviewView(report([kept])).lists).toEqual([
      {
        title: 'WEB-PA del 10/03/2027: modificate a mano, lasciate come sono (1)',
        items: ['Paola Neri — nel foglio 3 ore, da Meet 2,75 ore'],
      },
    ]);
  });
});

describe('meetResultView', () => {
  it('turns each display name to confirm into one confirmation per course, even across sessions', () => {
    const view = meetResultView(report([session(), session({ session: 'WEB-PA-S2', date: '2027-03-17' })]));
    expect(view.lists[0]?.title).toBe('WEB-PA del 10/03/2027: righe compilate (1)');
    expect(view.confirmations).toEqual([
      {
        course: 'WEB-PA',
        displayName: 'anna bassi',
        employeeId: 'D00002',
        label: 'Conferma: «anna bassi» è Anna Bassi (WEB-PA)',
      },
    ]);
  });
});
