/**
 * src/outputs.ts is the one table of output names: it holds exactly the outputs
 * action.yml declares, so a renamed or new output cannot be written under a name
 * the workflow never sees.
 */
import { expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { Output, State } from '../src/outputs.js'

const actionYml = parse(
  readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
) as { outputs: Record<string, unknown> }

test('the output table names exactly the outputs of action.yml', () => {
  expect(Object.values(Output).sort()).toEqual(
    Object.keys(actionYml.outputs).sort()
  )
})

test('state keys are distinct', () => {
  const keys = Object.values(State)
  expect(new Set(keys).size).toBe(keys.length)
})
