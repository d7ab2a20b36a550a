import { comuneLinkRecipients, findComuneByName } from './comune-link-recipients';

const comuni = [
  { istat: '019062', name: 'Offanengo', referentEmail: '' },
  { istat: '019035', name: 'Crema', referentEmail: 'referente@comune.crema.cr.it' },
  { istat: '1903', name: 'Bagnolo Cremasco', referentEmail: 'referente@comune.bagnolo.cr.it' },
];

describe('comuneLinkRecipients', () => {
  it('sends to every comune with a six-digit ISTAT code and a referent, and says why the others get nothing', () => {
    expect(comuneLinkRecipients(comuni)).toEqual({
      recipients: [{ istat: '019035', comune: 'Crema', to: 'referente@comune.crema.cr.it' }],
      leftOut: [
        { comune: 'Bagnolo Cremasco', reason: 'senza «Codice ISTAT» di sei cifre' },
        { comune: 'Offanengo', reason: 'senza «Email referente»' },
      ],
    });
  });
});

describe('findComuneByName', () => {
  it('finds a comune by its name whatever the case and accents, or by its ISTAT code', () => {
    expect(findComuneByName(comuni, ' crema ')?.istat).toBe('019035');
    expect(findComuneByName(comuni, 'OFFANENGO')?.istat).toBe('019062');
    expect(findComuneByName(comuni, '019035')?.name).toBe('Crema');
    expect(findComuneByName(comuni, 'Milano')).toBeUndefined();
  });
});
