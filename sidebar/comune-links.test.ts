/** The links to the comuni's pages as staff preview them before anyone is mailed. */
import type { ComuneLinksPreview } from '../src/gas/comune-page/entry';
import { comuneLinksView, revokeLabel } from './comune-links';

const PREVIEW: ComuneLinksPreview = {
  message: '1 referente riceverà il link alla pagina del proprio Comune. 1 già inviati oggi.',
  validUntil: '04/05/2027',
  recipients: [
    { comune: 'Crema', to: 'referente@comune.crema.cr.it', alreadySent: false },
    { comune: 'Offanengo', to: 'referente@comune.offanengo.cr.it', alreadySent: true },
  ],
  leftOut: [{ comune: 'Bagnolo Cremasco', reason: 'senza «Email referente»' }],
};

describe('comuneLinksView', () => {
  it('lists who receives the link and until when, who already had it today and who cannot have one', () => {
    const view = comuneLinksView(PREVIEW, '');
    expect(view.lists).toEqual([
      { title: 'Riceveranno il link, valido fino al 04/05/2027 (1)', items: ['Crema — referente@comune.crema.cr.it'] },
      { title: 'Già inviato oggi (1)', items: ['Offanengo — referente@comune.offanengo.cr.it'] },
      { title: 'Senza link (1)', items: ['Bagnolo Cremasco — senza «Email referente»'] },
    ]);
    expect(view.confirm).toBe('Conferma: invia 1 email ai referenti');
  });

  it('names the one referent when staff chose a comune, and offers nothing when all had it today', () => {
    expect(comuneLinksView({ ...PREVIEW, recipients: PREVIEW.recipients.slice(0, 1) }, 'Crema').confirm).toBe(
      'Conferma: invia il link a referente@comune.crema.cr.it',
    );
    expect(comuneLinksView({ ...PREVIEW, recipients: PREVIEW.recipients.slice(1) }, '').confirm).toBe('');
  });

  it('says what a revocation does to the links already sent', () => {
    expect(revokeLabel('Crema')).toBe('Conferma: i link già inviati al Comune di Crema smettono di funzionare');
  });
});
