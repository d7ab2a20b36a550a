/**
 * `npm run worker -- <job> [options]`: the academy's long jobs run from Node through googleapis, for work
 * that outgrows Apps Script (a Cloud Run job in production, `--api` against `npm start` locally). Exit 0
 * when the job ran (sessions that failed are listed and logged in Registro), 1 when it could not run
 * (or, for summaries, stopped before the end: a new run sends the rest),
 * 2 on a malformed command line.
 */
import { parseArgs } from 'node:util';
import { runCalendarJob } from './calendar';
import { runCertificatesJob } from './certificates';
import { runReportsJob } from './reports';
import { connect } from './google';
import { shardFromEnv, type Shard } from './shard';
import { runSummariesJob, type SummariesJobResult } from './summaries';
import { isSummaryPeriod } from '../core/reports/summary-record';

const HELP = `Uso: npm run worker -- <lavoro> [opzioni]

Lavori:
  calendar    Sincronizza calendario: un evento per sessione (Meet per i corsi online e misti),
              invitati gli iscritti confermati, ID evento e Link Meet scritti in «Sessioni».
  certificates
              Emetti attestati dei corsi «Concluso» (o del solo --course): PDF nella cartella
              «Attestati <anno>», righe in «Attestati», email a ogni titolare. Numeri e codici di
              verifica li assegna il componente aggiuntivo (Apps Script API, --script).
  summaries   Invia riepilogo ai comuni: a ogni referente il riepilogo del mese (--month), una volta
              sola (chi ha già il riepilogo del mese in «Registro» è saltato), via Gmail. I link alla
              pagina del Comune li firma il componente aggiuntivo (Apps Script API, --script).
  reports     Aggiorna report: «Report dipendenti», «Report comuni», «Report corsi» e «Bilancio»
              scritti come li scrive il componente aggiuntivo (ore degli anni chiusi e punteggi dei
              questionari chiesti al componente con l'API Apps Script: serve --script).

Opzioni:
  --spreadsheet ID  il foglio dell'Academy (o A4PA_SPREADSHEET_ID)
  --api URL         un server locale (npm start) invece di Google, es. http://127.0.0.1:8080/
  --course CODE     (certificates) solo questo corso, che deve essere «Concluso»
  --month AAAA-MM   (summaries) il mese dei riepiloghi; senza, il mese corrente
  --script ID       (certificates, summaries, reports) l'ID dello script del componente aggiuntivo
                    (o A4PA_SCRIPT_ID), distribuito come eseguibile API
  --subject EMAIL   l'account per cui agisce un service account con delega a livello di dominio
                    (o A4PA_SUBJECT); senza, le credenziali predefinite (GOOGLE_APPLICATION_CREDENTIALS
                    o l'utente di gcloud auth application-default login)
  --help            questo aiuto

Su Cloud Run i task paralleli si dividono i corsi (CLOUD_RUN_TASK_INDEX, CLOUD_RUN_TASK_COUNT).`;

export const JOBS = ['calendar', 'certificates', 'summaries', 'reports'] as const;

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        spreadsheet: { type: 'string' },
        api: { type: 'string' },
        subject: { type: 'string' },
        course: { type: 'string' },
        month: { type: 'string' },
        script: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const job = parsed.positionals[0];
  if (parsed.values.help || job === undefined) {
    console.log(HELP);
    return job === undefined && !parsed.values.help ? 2 : 0;
  }
  if (!(JOBS as readonly string[]).includes(job)) {
    console.error(`Lavoro sconosciuto: ${job}. Lavori: ${JOBS.join(', ')} (npm run worker -- --help).`);
    return 2;
  }
  const spreadsheetId = parsed.values.spreadsheet ?? env.A4PA_SPREADSHEET_ID ?? '';
  if (!spreadsheetId) {
    console.error("Manca il foglio dell'Academy: --spreadsheet ID o A4PA_SPREADSHEET_ID.");
    return 2;
  }
  const subject = parsed.values.subject ?? env.A4PA_SUBJECT;
  const month = parsed.values.month;
  if (job === 'summaries' && month !== undefined && !isSummaryPeriod(month)) {
    console.error(`--month vuole un mese nella forma AAAA-MM (es. 2027-06): «${month}» non lo è.`);
    return 2;
  }
  const scriptId = parsed.values.script ?? env.A4PA_SCRIPT_ID;
  if ((job === 'summaries' || job === 'certificates') && !parsed.values.api && !scriptId) {
    console.error('Manca lo script del componente aggiuntivo: --script ID o A4PA_SCRIPT_ID.');
    return 2;
  }
  try {
    const conn = connect({ api: parsed.values.api, subject, scriptId });
    if (job === 'reports') {
      if (!scriptId) {
        console.error('Manca il progetto Apps Script del componente: --script ID o A4PA_SCRIPT_ID.');
        return 2;
      }
      const done = await runReportsJob(conn, {
        spreadsheetId,
        scriptId,
        log: (line) => console.error(line),
      });
      console.log(
        `Report ${done.year} aggiornati: ${done.employees} dipendenti, ${done.comuni} comuni, ${done.courses} corsi; ${done.leftOut} righe da correggere non conteggiate.`,
      );
      return 0;
    }
    const shard = shardFromEnv(env);
    if (job === 'certificates') {
      const done = await runCertificatesJob(conn, {
        spreadsheetId,
        shard,
        course: parsed.values.course,
        actor: subject ?? 'worker',
        log: (line) => console.error(line),
      });
      console.log(
        `Attestati (task ${shard.index + 1} di ${shard.count}): ${done.issued} emessi, ${done.adopted} ripresi da un'esecuzione interrotta, ${done.mailed} inviati.`,
      );
      for (const f of done.failed) console.log(`  ${f.holder}: ${f.error}`);
      return 0;
    }
    if (job === 'summaries')
      return summariesReport(
        await runSummariesJob(conn, {
          spreadsheetId,
          period: month,
          shard,
          actor: subject ?? 'worker',
          log: (line) => console.error(line),
        }),
        shard,
      );
    const result = await runCalendarJob(conn, {
      spreadsheetId,
      shard,
      actor: subject ?? 'worker',
      log: (line) => console.error(line),
    });
    console.log(
      `Calendario sincronizzato (task ${shard.index + 1} di ${shard.count}): ${result.inserted} eventi creati, ${result.patched} aggiornati, ${result.cancelled} annullati, ${result.unchanged} già aggiornati.`,
    );
    for (const f of result.failed) console.log(`  ${f.sessionId}: ${f.error}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** The summaries job's outcome on stdout; exit 1 when it stopped before the end. */
function summariesReport(result: SummariesJobResult, shard: Shard): number {
  const left = result.stopped
    ? `, interrotto (${result.stopped.reason}): ${result.stopped.left} da inviare con un nuovo avvio`
    : '';
  console.log(
    `Riepiloghi di ${result.period} (task ${shard.index + 1} di ${shard.count}): ${result.sent} inviati, ${result.already} già inviati in precedenza${left}.`,
  );
  for (const f of result.failed) console.log(`  ${f.comune}: ${f.error}`);
  return result.stopped ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
