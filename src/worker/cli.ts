/**
 * `npm run worker -- <job> [options]`: the academy's long jobs run from Node through googleapis, for work
 * that outgrows Apps Script (a Cloud Run job in production, `--api` against `npm start` locally). Exit 0
 * when the job ran (sessions that failed are listed and logged in Registro), 1 when it could not run,
 * 2 on a malformed command line.
 */
import { parseArgs } from 'node:util';
import { runCalendarJob } from './calendar';
import { runReportsJob } from './reports';
import { connect } from './google';
import { shardFromEnv } from './shard';

const HELP = `Uso: npm run worker -- <lavoro> [opzioni]

Lavori:
  calendar    Sincronizza calendario: un evento per sessione (Meet per i corsi online e misti),
              invitati gli iscritti confermati, ID evento e Link Meet scritti in «Sessioni».
  reports     Aggiorna report: «Report dipendenti», «Report comuni», «Report corsi» e «Bilancio»
              scritti come li scrive il componente aggiuntivo (ore degli anni chiusi e punteggi dei
              questionari chiesti al componente con l'API Apps Script: serve --script).

Opzioni:
  --spreadsheet ID  il foglio dell'Academy (o A4PA_SPREADSHEET_ID)
  --api URL         un server locale (npm start) invece di Google, es. http://127.0.0.1:8080/
  --script ID       il progetto Apps Script del componente (o A4PA_SCRIPT_ID), per reports
  --subject EMAIL   l'account per cui agisce un service account con delega a livello di dominio
                    (o A4PA_SUBJECT); senza, le credenziali predefinite (GOOGLE_APPLICATION_CREDENTIALS
                    o l'utente di gcloud auth application-default login)
  --help            questo aiuto

Su Cloud Run i task paralleli si dividono i corsi (CLOUD_RUN_TASK_INDEX, CLOUD_RUN_TASK_COUNT).`;

export const JOBS = ['calendar', 'reports'] as const;

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
  try {
    const conn = connect({ api: parsed.values.api, subject });
    if (job === 'reports') {
      const scriptId = parsed.values.script ?? env.A4PA_SCRIPT_ID ?? '';
      if (!scriptId) {
        console.error('Manca il progetto Apps Script del componente: --script ID o A4PA_SCRIPT_ID.');
        return 2;
      }
      const done = await runReportsJob(conn, { spreadsheetId, scriptId, log: (line) => console.error(line) });
      console.log(
        `Report ${done.year} aggiornati: ${done.employees} dipendenti, ${done.comuni} comuni, ${done.courses} corsi; ${done.leftOut} righe da correggere non conteggiate.`,
      );
      return 0;
    }
    const shard = shardFromEnv(env);
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

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
