import { join } from 'node:path';
import { literalsOf, slipsIn, slipsInSource, voiceSlips, voiceSources } from './italian-voice';

const ROOT = join(__dirname, '..');

describe('one voice: every Italian text people read says Lei, gender-neutral', () => {
  it('scans the mails, pages, forms, menu, dialogs and sidebar the add-on produces', () => {
    const sources = voiceSources(ROOT);
    expect(sources).toEqual(
      expect.arrayContaining([
        'src/core/mail/enrollment.ts',
        'src/core/reminders/mail.ts',
        'src/core/feedback/mail.ts',
        'src/core/approval/mail.ts',
        'src/core/reports/summary.ts',
        'src/core/certificates/template.ts',
        'src/core/enrollment/form.ts',
        'src/gas/webapp/doGet.ts',
        'src/gas/verification/verify.ts',
        'src/gas/comune-page/view.ts',
        'src/gas/menu.ts',
        'sidebar/workflows.ts',
        'sidebar/index.html',
      ]),
    );
    expect(sources.some((s) => s.endsWith('.test.ts'))).toBe(false);
  });

  it('finds no tu or voi form and no "/a" ending in any of them', () => {
    expect(voiceSlips(ROOT).map((s) => `${s.file}:${s.line} «${s.form}» in: ${s.text}`)).toEqual([]);
  });

  it('catches a tu form, a voi form and a slash ending put back into a mail template', () => {
    const source = [
      "const a = `Gentile ${name}, ti ricordiamo l'incontro: se non puoi partecipare, compila il modulo.`;",
      "const b = 'Il vostro comune ha 3 richieste: potete approvarle dal link.';",
      "const c = 'al quale eri iscritto/a con posto confermato';",
    ].join('\n');
    expect(slipsInSource('src/core/mail/example.ts', source).map((s) => [s.line, s.form])).toEqual([
      [1, 'ti'],
      [1, 'puoi'],
      [1, 'compila'],
      [2, 'vostro'],
      [2, 'potete'],
      [3, 'iscritto/a'],
    ]);
  });

  it('lets Lei, numbers, command labels and quoted labels through', () => {
    expect(slipsIn("Se non può partecipare, compili di nuovo il modulo e scelga l'azione «Annullamento».")).toEqual([]);
    expect(slipsIn('Il Codice ISTAT ha sei cifre.')).toEqual([]);
    expect(slipsIn('Apri pannello')).toEqual([]);
    expect(slipsIn('In Drive lo apra con «Apri con → Fogli Google».')).toEqual([]);
    expect(slipsIn('https://example.org/forms/d/e/x/viewform')).toEqual([]);
  });

  it('reads string literals and template pieces, not comments or imports', () => {
    const source = "import { x } from './tu/tuo';\n// ti\nconst s = `Gentile ${n}, Le scriviamo`;\n";
    expect(literalsOf('x.ts', source)).toEqual([
      { line: 3, text: 'Gentile ' },
      { line: 3, text: ', Le scriviamo' },
    ]);
  });
});
