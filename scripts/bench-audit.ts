/**
 * npx tsx scripts/bench-audit.ts — how long the scope audit takes on one workflow holding a
 * 313 KiB IAM policy statement (the size an independent review used), and on half and
 * twice that: with a linear scan the time doubles with the size. (A file may hold at most
 * 1 MiB.)
 *
 *   known     one write permission a line (an unconditioned-write finding each)
 *   unknown   one unknown permission a line (an unknown-permission finding each, with the
 *             search for a suggestion)
 *
 * Figures, not pass/fail: median wall time of RUNS audits (collectFindings, no report),
 * in process, on the source.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectFindings } from '../src/audit/index.js'
import { readInputs } from '../src/inputs.js'
import { Logger } from '../src/log.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const KIB = 1024

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** A workflow whose `policies` statement is `bytes` long, one permission a line. */
function workflow(bytes: number, permission: (i: number) => string): string {
  const lines: string[] = []
  for (let size = 0, i = 0; size < bytes; i++) {
    const line = `                  ${permission(i)},`
    lines.push(line)
    size += line.length + 1
  }
  return `on: pull_request
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: acme/configure-dynatrace-credentials@v1
        with:
          token-type: none
          policies: |
            - name: big
              description: a long statement
              statement: |
                ALLOW settings:objects:read,
${lines.join('\n')}
                  settings:objects:read;
`
}

const inputs = await readInputs(
  new Logger(),
  (name) =>
    ({
      mode: 'audit',
      'audit-paths': '.github/workflows',
      'audit-fail-on': 'never',
      'timeout-seconds': '3600'
    })[name] ?? ''
)
if (inputs.mode !== 'audit') throw new Error('the bench reads audit inputs')
const workspace = mkdtempSync(join(tmpdir(), 'cdc-bench-audit-'))
mkdirSync(join(workspace, '.github/workflows'), { recursive: true })
const shapes: Record<string, (i: number) => string> = {
  known: () => 'settings:objects:write',
  unknown: (i) => `unknown${i}:objects:read`
}
try {
  for (const [shape, permission] of Object.entries(shapes)) {
    for (const kib of [156, 313, 626]) {
      writeFileSync(
        join(workspace, '.github/workflows/big.yml'),
        workflow(kib * KIB, permission)
      )
      const times: number[] = []
      let findings = 0
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now()
        const result = await collectFindings(inputs, {
          workspace,
          debug: () => {},
          info: () => {},
          baseRef: ''
        })
        times.push(performance.now() - started)
        findings = result.findings.length
      }
      console.log(
        `${`audit of a ${kib} KiB statement, ${shape} permissions (${findings} findings), median ms`.padEnd(84)} ${median(times).toFixed(0)}`
      )
    }
  }
} finally {
  rmSync(workspace, { recursive: true, force: true })
}
