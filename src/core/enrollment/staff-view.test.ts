/** Who a `Da verificare` request may belong to: the typed name and comune first, then the e-mail. */
import type { EmployeeInfo } from './types';
import { candidatesFor, typedPersonFrom, typedPersonNote } from './staff-view';

function employee(id: string, firstName: string, lastName: string, email: string, comune = 'Crema'): EmployeeInfo {
  return { id, firstName, lastName, email, comune, role: 'Dipendente', active: true };
}

const people = [
  employee('D00001', 'Anna', 'Bassi', 'anna.bassi@comune.crema.cr.it'),
  employee('D00002', 'Luca', 'Bassi', 'luca.bassi@comune.offanengo.cr.it', 'Offanengo'),
  employee('D00003', 'Marco', 'Conti', 'marco.conti@comune.crema.cr.it'),
  employee('D00004', 'Maria', 'Rossi', 'maria.rossi@comune.agnadello.cr.it', 'Agnadello'),
];

describe('candidatesFor', () => {
  it('ranks employees whose name is in the e-mail, the same domain breaking ties', () => {
    expect(candidatesFor('a.bassi@comune.crema.cr.it', null, people).map((c) => c.id)).toEqual(['D00001', 'D00002']);
    expect(candidatesFor('anna.bassi73@gmail.com', null, people).map((c) => c.id)).toEqual(['D00001', 'D00002']);
  });

  it('offers nobody when nothing but the domain matches', () => {
    expect(candidatesFor('ufficio.tributi@comune.crema.cr.it', null, people)).toEqual([]);
  });

  it('finds a person writing from a private address by the name and comune she typed', () => {
    const [best] = candidatesFor('mr1980@gmail.com', { name: 'Maria Rossi', comune: 'Agnadello' }, people);
    expect(best).toMatchObject({ id: 'D00004', differences: [] });
  });

  it('says so when the suggestion from the e-mail differs from the name typed', () => {
    const [best] = candidatesFor('bassi.casa@gmail.com', { name: 'Giovanna Neri', comune: 'Crema' }, people);
    expect(best?.id).toBe('D00001');
    expect(best?.differences).toEqual(['nome diverso da quello indicato («Giovanna Neri»)']);
  });
});

describe('typedPersonNote', () => {
  it('keeps the typed name and comune in a sentence staff read, and gives them back', () => {
    const note = typedPersonNote({ firstName: 'Maria', lastName: 'Rossi', comune: 'Agnadello' });
    expect(note).toBe('Indicati nel modulo: nome «Maria Rossi», comune «Agnadello».');
    expect(typedPersonFrom(`Email non presente in Dipendenti. ${note}`)).toEqual({
      name: 'Maria Rossi',
      comune: 'Agnadello',
    });
    expect(typedPersonFrom(typedPersonNote({ firstName: '«x»', lastName: '', comune: '' }))).toEqual({
      name: 'x',
      comune: '',
    });
    expect(typedPersonFrom('Promossa dallo staff.')).toBeNull();
  });
});
