import { htmlToText, pageText, toEpochMs, webAppEvent } from './session';

describe('web app visits', () => {
  // catalogue: HTML-WEBAPP-EVENT
  it('parses the query into parameter (first values) and parameters (all values)', () => {
    const e = webAppEvent('https://script.google.com/macros/s/ABC/exec/verifica?codice=X%201&n=1&n=2');
    expect(e.parameter).toEqual({ codice: 'X 1', n: '1' });
    expect(e.parameters).toEqual({ codice: ['X 1'], n: ['1', '2'] });
    expect(e.queryString).toBe('codice=X%201&n=1&n=2');
    expect(e.pathInfo).toBe('verifica');
  });

  // catalogue: HTML-WEBAPP-EVENT
  it('refuses a doGet that returns something else', () => {
    expect(() => pageText('hello')).toThrow(/HtmlOutput or a TextOutput/);
  });
});

describe('emulator: the text a visit shows', () => {
  it('reads an HtmlOutput as the text a person sees, without markup, scripts or styles', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><h1>Attestato valido</h1><p>Anna &amp; Luca&nbsp;<b>Bassi</b></p><script>var x = "<p>no</p>";</script><p>&#232; &lt;ok&gt;</p></body></html>';
    expect(htmlToText(html)).toBe('Attestato valido\nAnna & Luca Bassi\nè <ok>');
    expect(pageText({ getContent: () => '<p>Ciao</p>' })).toBe('Ciao');
  });

  it('reads a TextOutput as it is', () => {
    expect(pageText({ getContent: () => '<b>raw</b>', getMimeType: () => 'TEXT' })).toBe('<b>raw</b>');
  });
});

describe('emulator: start times', () => {
  it('accepts ISO strings with offset, epoch ms and Dates', () => {
    expect(toEpochMs('2027-02-01T09:00:00+01:00')).toBe(Date.UTC(2027, 1, 1, 8));
    expect(toEpochMs(5)).toBe(5);
    expect(toEpochMs(new Date(7))).toBe(7);
    expect(() => toEpochMs('yesterday')).toThrow(/invalid start time/);
  });
});
