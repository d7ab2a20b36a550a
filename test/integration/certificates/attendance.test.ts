import { academyWith, people } from './academy';

function attendance(academy: Awaited<ReturnType<typeof academyWith>>) {
  const tab = academy.readTab('Presenze')!;
  return tab.rows.map((r) => Object.fromEntries(tab.header.map((h, i) => [h, r[i]])));
}

describe('prepareAttendance', () => {
  it('adds one row per session and confirmed enrollee, and only what is missing on reruns', async () => {
    const academy = await academyWith([{ code: 'A', hours: 4, people: people(2, []) }]);
    const first = academy.call('prepareAttendance', ['A']);
    expect(first.value).toMatchObject({ added: 4, sessions: 2, enrollees: 2 });
    expect(attendance(academy).map((r) => `${r.Sessione}/${r.Dipendente}/${r.Presente}/${r.Ore}`)).toEqual([
      'A-S1/D00001/false/',
      'A-S1/D00002/false/',
      'A-S2/D00001/false/',
      'A-S2/D00002/false/',
    ]);
    academy.edit('Presenze', { Dipendente: 'D00001', Sessione: 'A-S1' }, { Presente: true, Ore: 1.5 });
    academy.append('Dipendenti', [
      {
        ID: 'D00003',
        Nome: 'Nuovo',
        Cognome: 'Iscritto',
        Email: 'nuovo@comune.pandino.cr.it',
        Comune: 'Pandino',
        Ruolo: 'Dipendente',
        Attivo: true,
      },
    ]);
    academy.append('Iscrizioni', [
      {
        'Data richiesta': '2027-03-01T10:00:00+01:00',
        Corso: 'A',
        Email: 'nuovo@comune.pandino.cr.it',
        Dipendente: 'D00003',
        Stato: 'Confermata',
        Origine: 'Manuale',
      },
    ]);
    academy.append('Sessioni', [
      { Corso: 'A', Data: '2027-03-24', Inizio: '14:00', Fine: '15:30', Stato: 'Programmata' },
    ]);
    const second = academy.call('prepareAttendance', ['A']);
    expect(second.value).toMatchObject({ added: 5, sessions: 3, enrollees: 3 });
    const rows = attendance(academy);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({ Sessione: 'A-S1', Dipendente: 'D00001', Presente: true, Ore: 1.5 });
    expect(academy.call('prepareAttendance', ['A']).value).toMatchObject({ added: 0 });
  });

  it('refuses an unknown course in Italian', async () => {
    const academy = await academyWith([{ code: 'A', hours: 4, people: people(1, []) }]);
    const result = academy.call('prepareAttendance', ['NOPE']);
    expect(result.ok).toBe(false);
    expect(result.error).toContain('Corso NOPE non trovato');
  });
});
