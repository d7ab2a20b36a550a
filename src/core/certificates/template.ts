import { placeholderToken as t, QR_MARKER } from './placeholders';

/**
 * The layout of the "Modello attestato" Doc that setup creates: sober, centred, in Italian. Staff may
 * restyle the Doc freely; only the placeholders are a contract.
 */
export type TemplateStyle =
  | 'issuer'
  | 'title'
  | 'body'
  | 'name'
  | 'course'
  | 'detail'
  | 'place'
  | 'signature'
  | 'note'
  | 'footer'
  | 'rule'
  | 'space'
  | 'qr';

export interface TemplateParagraph {
  text: string;
  style: TemplateStyle;
}

export const TEMPLATE_NAME = 'Modello attestato';
export const DEFAULT_ISSUER = 'Consorzio';
export const DEFAULT_SIGNATORY = "Il Responsabile dell'Ufficio Formazione";
export const SIGNATURE_NOTE =
  "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, comma 2, del D.Lgs. 39/1993";

/** The issuer printed on a certificate: `Nome ente`, else the sender's name, else a plain default. */
export function issuerName(orgName: string, senderName: string): string {
  return orgName.trim() || senderName.trim() || DEFAULT_ISSUER;
}

/**
 * The template's paragraphs. The header is `{{ENTE}}`, filled at issue time from `Nome ente`, so a name
 * set (or corrected) after setup reaches every later certificate.
 */
export function templateParagraphs(signatory: string): TemplateParagraph[] {
  return [
    { text: t('ENTE'), style: 'issuer' },
    { text: 'Academy4PA — Formazione del personale dei Comuni', style: 'detail' },
    { text: '', style: 'rule' },
    { text: 'ATTESTATO DI PARTECIPAZIONE', style: 'title' },
    { text: 'Si attesta che', style: 'body' },
    { text: `${t('NOME')} ${t('COGNOME')}`, style: 'name' },
    { text: `dipendente del Comune di ${t('COMUNE')}`, style: 'body' },
    { text: 'ha partecipato al corso', style: 'body' },
    { text: `«${t('CORSO')}»`, style: 'course' },
    { text: `(${t('CODICE_CORSO')}, area ${t('AREA')})`, style: 'detail' },
    { text: `svoltosi nelle date: ${t('DATE')}`, style: 'body' },
    { text: `per ${t('ORE_FREQUENTATE')} ore su ${t('ORE_CORSO')} previste`, style: 'body' },
    { text: `Docente: ${t('DOCENTE')}`, style: 'detail' },
    { text: '', style: 'space' },
    { text: `Crema, ${t('DATA_RILASCIO')}`, style: 'place' },
    { text: signatory.trim() || DEFAULT_SIGNATORY, style: 'signature' },
    { text: SIGNATURE_NOTE, style: 'note' },
    { text: '', style: 'rule' },
    { text: `Attestato n. ${t('NUMERO')} — codice di verifica ${t('CODICE_VERIFICA')}`, style: 'footer' },
    { text: QR_MARKER, style: 'qr' },
    { text: `Verifica l'autenticità inquadrando il codice QR o all'indirizzo ${t('URL_VERIFICA')}`, style: 'footer' },
  ];
}

/** The certificate mail, in Italian; the PDF goes as an attachment. */
export function certificateMail(input: {
  /** The holder's name and surname ('' when unknown). */
  name: string;
  courseTitle: string;
  courseCode: string;
  number: string;
  verificationCode: string;
  version: number;
  issuer: string;
  verificationUrl: string;
}): { subject: string; body: string } {
  const corrected = input.version > 1;
  const subject = `${corrected ? 'Attestato corretto' : 'Attestato di partecipazione'} — ${input.courseTitle} (${input.courseCode})`;
  const lines = [
    input.name.trim() ? `Gentile ${input.name.trim()},` : 'Gentile collega,',
    '',
    corrected
      ? `in allegato trova la versione corretta (versione ${input.version}) dell'attestato di partecipazione al corso «${input.courseTitle}», che sostituisce la precedente.`
      : `in allegato trova l'attestato di partecipazione al corso «${input.courseTitle}».`,
    '',
    `Numero attestato: ${input.number}`,
    `Codice di verifica: ${input.verificationCode}`,
    ...(input.verificationUrl ? [`Chiunque può verificarlo all'indirizzo ${input.verificationUrl}`] : []),
    '',
    'Cordiali saluti,',
    input.issuer.trim() || DEFAULT_ISSUER,
  ];
  return { subject, body: lines.join('\n') };
}
