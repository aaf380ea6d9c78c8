import type { Http } from './http.js'
import type { Inputs } from './inputs.js'
import type { Logger } from './log.js'

/** What every step of a run shares: validated inputs (of one mode), the log and the HTTP client. */
export interface Context<I extends Inputs = Inputs> {
  inputs: I
  log: Logger
  http: Http
}
