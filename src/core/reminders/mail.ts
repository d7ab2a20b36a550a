/** The reminder of a session coming up, in Italian: date, time, venue or Meet link. */
import { compose, type Block, type ComposedMail, type Inline } from '../mail/document';
import { italianDate, type MailContext, type MailCourse, type MailSession } from '../mail/enrollment';
import { meetHref } from '../text';

export function sessionReminderMail(
  ctx: MailContext,
  name: string,
  course: MailCourse,
  session: MailSession,
  daysLeft: number,
): ComposedMail {
  const when = daysLeft === 0 ? 'oggi' : daysLeft === 1 ? 'domani' : `tra ${daysLeft} giorni`;
  const online = course.mode === 'Online' || course.mode === 'Mista';
  const venue = session.venue.trim() || course.venue.trim();
  const details: Inline[][] = [[`Data: ${italianDate(session.date)}`], [`Orario: ${session.start}–${session.end}`]];
  if (course.mode !== 'Online' && venue) details.push([`Sede: ${venue}`]);
  if (online) {
    const link = meetHref(session.meetLink);
    details.push(
      link ? ['Collegamento Meet: ', { text: link, url: link }] : ["Collegamento Meet: nell'invito di Google Calendar"],
    );
  }
  const blocks: Block[] = [
    { kind: 'p', content: [name.trim() ? `Gentile ${name.trim()},` : 'Gentile collega,'] },
    { kind: 'p', content: [`Le ricordiamo l'incontro del corso ${course.title} (${course.code}) ${when}:`] },
    { kind: 'list', items: details },
    {
      kind: 'p',
      content: [
        "Se non può partecipare avvisi per tempo l'ufficio formazione (o annulli l'iscrizione con il modulo): il posto andrà a chi è in lista d'attesa.",
      ],
    },
    { kind: 'p', content: [`Un cordiale saluto,\n${ctx.sender.trim() || 'Ufficio formazione del Consorzio'}`] },
  ];
  return compose(`Promemoria: ${course.title} ${when}, ${italianDate(session.date)} ore ${session.start}`, blocks);
}
