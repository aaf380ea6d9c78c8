/**
 * npm run emulator — the Dynatrace emulator as a standalone server on 127.0.0.1
 * (port EMULATOR_PORT, default 4010), for `npm run local` and the smoke workflow.
 * Stops on Ctrl+C / SIGTERM.
 */
import { DEMO_CLIENT, startEmulator } from '../test/emulator/index.js'

const port = Number(process.env.EMULATOR_PORT ?? 4010)
const emulator = await startEmulator({ port })
console.log(`Dynatrace emulator listening on ${emulator.url}`)
console.log(`  environment-url: ${emulator.url}   environment-id: abc12345`)
console.log(
  `  sso-url: ${emulator.url}/sso/oauth2/token   account-api-url: ${emulator.url}`
)
console.log(`  client-id: ${DEMO_CLIENT.clientId}   (secret: see .env.example)`)
const stop = (): void => {
  void emulator.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
