/**
 * `monaco deploy` commands in a workflow's `run:` scripts, with the selection they make
 * (cmd/monaco/deploy/command.go: `deploy <manifest.yaml>`, `-e/--environment`,
 * `-g/--group`, `-p/--project`, each repeatable and comma-separated).
 */
import { posix } from 'node:path'
import type { Selection } from './deploy.js'

export interface DeployCommand {
  /** The manifest argument, workspace-relative (working directory applied), if literal. */
  manifest?: string
  selection: Selection
}

const FLAGS: Record<string, keyof Selection> = {
  '-e': 'environments',
  '--environment': 'environments',
  '-g': 'groups',
  '--group': 'groups',
  '-p': 'projects',
  '--project': 'projects'
}

/** Shell words of one command, quotes removed; stops at a command separator or comment. */
function words(text: string): string[] {
  const out: string[] = []
  const re = /"([^"]*)"|'([^']*)'|(&&|\|\||[;|&#])|([^\s"';|&#]+)/g
  let current: string | undefined
  let last = -1
  for (const m of text.matchAll(re)) {
    if (m[3] !== undefined) break
    const part = m[1] ?? m[2] ?? m[4] ?? ''
    // Adjacent pieces (--environment="prod") form one word.
    if (current !== undefined && m.index === last) current += part
    else {
      if (current !== undefined) out.push(current)
      current = part
    }
    last = m.index + m[0].length
  }
  if (current !== undefined) out.push(current)
  return out
}

/**
 * Every `monaco deploy` in `script`. A flag whose value is not literal (a `$VAR` or an
 * expression) selects nothing in particular: that list is left empty (all), as the
 * audit cannot know it.
 */
export function deployCommands(
  script: string,
  workingDirectory = '.'
): DeployCommand[] {
  const commands: DeployCommand[] = []
  const logical = script.replace(/\\\r?\n/g, ' ')
  for (const line of logical.split(/\r?\n/)) {
    for (const m of line.matchAll(
      /(?:^|[\s;&|(])(?:\S*\/)?monaco(?:-[\w.-]+)?\s+deploy\b([^\n]*)/g
    )) {
      const args = words(m[1] ?? '')
      const selection: Selection = {
        environments: [],
        groups: [],
        projects: []
      }
      const dynamic = new Set<keyof Selection>()
      let manifest: string | undefined
      let positional = false
      for (let arg = args.shift(); arg !== undefined; arg = args.shift()) {
        const eq = arg.indexOf('=')
        const name = arg.startsWith('-') && eq > 0 ? arg.slice(0, eq) : arg
        const field = Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined
        if (field) {
          const value =
            eq > 0 && arg.startsWith('-') ? arg.slice(eq + 1) : args.shift()
          if (value === undefined || /[$`]/.test(value)) dynamic.add(field)
          else
            selection[field].push(...value.split(',').filter((v) => v !== ''))
        } else if (!arg.startsWith('-') && !positional) {
          positional = true
          if (!/[$`]/.test(arg))
            manifest = posix.normalize(posix.join(workingDirectory, arg))
        }
      }
      for (const field of dynamic) selection[field] = []
      commands.push({ ...(manifest ? { manifest } : {}), selection })
    }
  }
  return commands
}
