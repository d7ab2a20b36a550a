/**
 * The wrapper every sidebar and menu function goes through: the caller must be staff, the work runs,
 * the `Registro` buffer is written once, and any failure reaches the user as an Italian message.
 */
import { isUserError, messageOf } from '../../core/registry/errors';
import { flushLog, logEvent } from '../registry/log';
import { preferRememberedTimeZone } from '../registry/workbook';
import { requireStaff } from './auth';
import { isTransient } from './retry';

/** What the user reads when `name` failed with `error`. */
export function italianMessage(name: string, error: unknown): string {
  if (isUserError(error)) return messageOf(error);
  const message = messageOf(error);
  if (/exceeded maximum execution time/i.test(message)) {
    return `«${name}» ha superato il tempo massimo di esecuzione di Google: rilancia l'operazione, riprenderà da dove si è fermata.`;
  }
  if (/for one day/i.test(message))
    return `«${name}»: la quota giornaliera di Google è esaurita; l'operazione riprenderà domani.`;
  if (/permission|not authorized|unauthorized|access denied/i.test(message)) {
    return `«${name}»: Google non concede il permesso necessario (${message}). Chi gestisce il componente deve autorizzarlo di nuovo o verificare la condivisione.`;
  }
  if (/not found|no item with the given id|does not exist|invalid argument/i.test(message)) {
    return `«${name}»: un elemento Google richiesto non esiste più o non è valido (${message}). Controlli le Impostazioni ed esegua «Configura».`;
  }
  if (isTransient(error))
    return `«${name}»: i servizi Google non rispondono in questo momento (${message}). Riprovi tra qualche minuto.`;
  return `«${name}» non è riuscita per un errore imprevisto: ${message}`;
}

export interface ActionOptions {
  /** A view that writes nothing: dates may use the zone remembered in Script Properties (one call less). */
  readOnly?: boolean;
}

export function serverAction<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
  options: ActionOptions = {},
): (...args: A) => R {
  return (...args: A): R => {
    try {
      if (options.readOnly) preferRememberedTimeZone();
      requireStaff(name);
      const result = fn(...args);
      flushLog();
      return result;
    } catch (error) {
      if (!isUserError(error)) logEvent('Errore', `${name}: ${messageOf(error)}`);
      try {
        flushLog();
      } catch (flushError) {
        console.log(`Registro non scritto: ${messageOf(flushError)}`);
      }
      throw new Error(italianMessage(name, error));
    }
  };
}
