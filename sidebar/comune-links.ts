/**
 * The links to the comuni's pages as the sidebar shows them: the preview of the referents who would
 * receive theirs (it mails people), and the revocation's confirming label. Pure: the DOM is in tools-view.ts.
 */
import type { ComuneLinksPreview } from '../src/gas/comune-page/entry';
import type { PreviewList, PreviewView } from './workflows';

/** `comune` '' is every comune. */
export function comuneLinksView(p: ComuneLinksPreview, comune: string): PreviewView {
  const fresh = p.recipients.filter((r) => !r.alreadySent);
  const sent = p.recipients.filter((r) => r.alreadySent);
  const lists: PreviewList[] = [
    {
      title: `Riceveranno il link${p.validUntil ? `, valido fino al ${p.validUntil}` : ''} (${fresh.length})`,
      items: fresh.map((r) => `${r.comune} — ${r.to}`),
    },
    { title: `Già inviato oggi (${sent.length})`, items: sent.map((r) => `${r.comune} — ${r.to}`) },
    { title: `Senza link (${p.leftOut.length})`, items: p.leftOut.map((x) => `${x.comune} — ${x.reason}`) },
  ];
  const n = fresh.length;
  return {
    message: p.message,
    lists: lists.filter((l) => l.items.length > 0),
    confirm:
      n === 0
        ? ''
        : comune
          ? `Conferma: invia il link a ${fresh[0]?.to ?? ''}`
          : `Conferma: invia ${n} email ai referenti`,
  };
}

export function revokeLabel(comune: string): string {
  return `Conferma: i link già inviati al Comune di ${comune} smettono di funzionare`;
}
