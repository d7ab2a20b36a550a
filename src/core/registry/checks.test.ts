import { crossCheck } from './checks';
import type { Comune, Course, Employee, Session } from './schemas';

const rows = <T>(records: T[]) => records.map((record, i) => ({ row: i + 2, record }));
const comune = (name: string, istat: string) => ({ name, istat }) as Comune;
const employee = (id: string, email: string, c: string) => ({ id, email, comune: c }) as Employee;
const course = (code: string) => ({ code }) as Course;
const session = (id: string, c: string) => ({ id, course: c }) as Session;

describe('crossCheck', () => {
  it('reports duplicated comuni and e-mails at the later row, naming the first', () => {
    const problems = crossCheck({
      comuni: rows([comune('Crema', '019035'), comune('crema', '019036')]),
      employees: rows([employee('D00001', 'a@x.it', 'Crema'), employee('D00002', 'a@x.it', 'Crema')]),
    });
    expect(problems).toEqual([
      { tab: 'Comuni', row: 3, column: 'Comune', message: 'Comune: il comune «crema» è già alla riga 2' },
      { tab: 'Dipendenti', row: 3, column: 'Email', message: "Email: l'indirizzo «a@x.it» è già alla riga 2" },
    ]);
  });

  it('reports a reference to a comune or a course that no row has', () => {
    const problems = crossCheck({
      comuni: rows([comune('Crema', '019035')]),
      employees: rows([employee('D00001', 'a@x.it', 'Cremona')]),
      courses: rows([course('EXC')]),
      sessions: rows([session('WRD-S1', 'WRD')]),
    });
    expect(problems.map((p) => `${p.tab} ${p.row} ${p.message}`)).toEqual([
      'Dipendenti 2 Comune: «Cremona» non è nel foglio Comuni',
      'Sessioni 2 Corso: «WRD» non è nel foglio Corsi',
    ]);
  });

  it('does not blame the rows that refer to a course or comune whose own row needs fixing', () => {
    const problems = crossCheck({
      comuni: rows([comune('Crema', '019035')]),
      employees: rows([employee('D00001', 'a@x.it', 'Pandino')]),
      courses: rows([course('EXC')]),
      sessions: rows([session('WRD-S1', 'WRD')]),
      typedComuni: ['Crema', 'Pandino'],
      typedCourses: ['EXC', ' WRD '],
    });
    expect(problems).toEqual([]);
  });
});
