/** The mail that brings a referent the link to their comune's page, when staff send it on request. */
import { compose, type ComposedMail } from '../mail/document';

export function comunePageMail(comune: string, url: string, validUntil: string): ComposedMail {
  return compose(`Formazione: la pagina del Comune di ${comune}`, [
    { kind: 'p', content: [`Gentile referente del Comune di ${comune},`] },
    {
      kind: 'p',
      content: [
        "su richiesta dell'ufficio formazione Le inviamo il link alla ",
        { text: 'pagina del Comune', url },
        ", dove può consultare quando vuole le ore di formazione di ciascun dipendente rispetto all'obiettivo annuo, i corsi frequentati e prenotati e gli attestati, e scaricarli in formato CSV.",
      ],
    },
    {
      kind: 'p',
      content: [
        `Il link è personale: non lo inoltri. Vale fino al ${validUntil}; i riepiloghi mensili gliene portano uno nuovo.`,
      ],
    },
  ]);
}
