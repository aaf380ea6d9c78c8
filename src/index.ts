// Entry for `npm run local` and tests of the source tree; dist/main.js is the runner's entry.
import { run } from './main.js'

await run()
