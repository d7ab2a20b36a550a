import { Workspace } from '../runtime/workspace';
import { webAppUrl } from '../services/script';
import { isGoogleUrl, linkify, localizeHtml, localizeValue, localUrl } from './links';

const ws = Workspace.create({ startMs: Date.parse('2027-02-01T09:00:00+01:00') });

describe("the playground's address for each Google URL the add-on produces", () => {
  test.each([
    ['https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0', '/?ss=1AbC-x_9'],
    ['https://docs.google.com/document/d/1DoC/edit?usp=drivesdk', '/drive/file/1DoC'],
    ['https://docs.google.com/open?id=1FiLe', '/drive/file/1FiLe'],
    ['https://drive.google.com/file/d/1PdF/view?usp=drivesdk', '/drive/file/1PdF'],
    ['https://drive.google.com/uc?id=1PdF&export=download', '/drive/file/1PdF'],
    ['https://drive.google.com/drive/folders/1FoLdEr', '/drive?folder=1FoLdEr'],
    ['https://meet.google.com/abc-defg-hij', '/meet/abc-defg-hij'],
    ['https://www.google.com/calendar/event?eid=YWJjIGNhbA', '/calendar/event?eid=YWJjIGNhbA'],
  ])('%s is served at %s', (google, local) => {
    expect(localUrl(ws, google)).toBe(local);
  });

  test("the web app's links keep their query", () => {
    expect(localUrl(ws, `${webAppUrl(ws)}?approva=tok&x=1`)).toBe('/webapp?approva=tok&x=1');
  });

  test('a form nobody made has no page; an address outside Google is not a Google page', () => {
    expect(localUrl(ws, 'https://docs.google.com/forms/d/e/nessuno/viewform')).toBeNull();
    expect(localUrl(ws, 'https://example.org/x')).toBeNull();
    expect(isGoogleUrl('https://docs.google.com/x')).toBe(true);
    expect(isGoogleUrl('https://example.org/google.com')).toBe(false);
  });
});

describe('texts, HTML and answers with Google URLs', () => {
  test("a text's Google links become local links, other addresses stay text", () => {
    expect(linkify(ws, 'Meet: https://meet.google.com/abc-defg-hij, sito https://example.org <b>').html).toBe(
      'Meet: <a href="/meet/abc-defg-hij">https://meet.google.com/abc-defg-hij</a>, sito https://example.org &lt;b&gt;',
    );
  });

  test("a mail's HTML links to local pages only, and loads no outside image", () => {
    const body =
      '<a href="https://meet.google.com/abc-defg-hij">Meet</a> <a href=\'https://example.org\'>x</a> <a href="mailto:a@b.it">m</a> <img src="https://example.org/t.png">';
    expect(localizeHtml(ws, body)).toBe(
      '<a href="/meet/abc-defg-hij">Meet</a> <a href="/non-disponibile">x</a> <a href="mailto:a@b.it">m</a> <img src="">',
    );
  });

  test("a server function's answer is rewritten in every string, at any depth, and keeps its shape", () => {
    const value = {
      a: ['see https://meet.google.com/abc-defg-hij', 3],
      b: { c: 'https://docs.google.com/x/unknown' },
      d: null,
    };
    expect(localizeValue(ws, value)).toEqual({
      a: ['see /meet/abc-defg-hij', 3],
      b: { c: '/non-disponibile' },
      d: null,
    });
  });
});
