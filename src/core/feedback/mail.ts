/** The mails after a course: the satisfaction questionnaire and the notice to absentees. */
import { compose, type ComposedMail } from '../mail/document';
import type { MailContext, MailCourse } from '../mail/enrollment';
import { feedbackChoice } from './questionnaire';

function signature(ctx: MailContext): string {
  return `Un cordiale saluto,\n${ctx.sender.trim() || 'Ufficio formazione del Consorzio'}`;
}

function greeting(name: string): string {
  return name.trim() ? `Gentile ${name.trim()},` : 'Gentile collega,';
}

export function feedbackMail(ctx: MailContext, name: string, course: MailCourse, formUrl: string): ComposedMail {
  return compose(`Com'è andato il corso ${course.title}? Questionario di gradimento`, [
    { kind: 'p', content: [greeting(name)] },
    {
      kind: 'p',
      content: [
        `il corso ${course.title} (${course.code}) si è concluso. Le chiediamo due minuti per dirci com'è andato: le risposte sono anonime e ci aiutano a migliorare i prossimi corsi.`,
      ],
    },
    { kind: 'p', content: ['Questionario: ', { text: formUrl, url: formUrl }] },
    { kind: 'p', content: [`Nel questionario scelga il corso «${feedbackChoice(course.code, course.title)}».`] },
    { kind: 'p', content: [signature(ctx)] },
  ]);
}

export function absenteeMail(ctx: MailContext, name: string, course: MailCourse): ComposedMail {
  return compose(`Assenza al corso ${course.title}`, [
    { kind: 'p', content: [greeting(name)] },
    {
      kind: 'p',
      content: [
        `dal registro presenze non risulta la Sua partecipazione al corso ${course.title} (${course.code}), per il quale la Sua iscrizione era confermata.`,
      ],
    },
    {
      kind: 'p',
      content: [
        "I posti dei corsi sono limitati e spesso ci sono colleghi in lista d'attesa: la prossima volta, se non può partecipare, annulli l'iscrizione per tempo con il modulo di iscrizione (azione «Annullamento») o avvisi l'ufficio formazione, così il posto passa a chi aspetta.",
      ],
    },
    { kind: 'p', content: ['Se si tratta di un errore del registro, risponda a questa email e lo correggeremo.'] },
    { kind: 'p', content: [signature(ctx)] },
  ]);
}
