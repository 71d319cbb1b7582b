import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { Simulator } from '../simulator'
import type { PersistedState } from '../state'

/** Loads users and jobs from a JSON file, and writes them back shortly after each change. */
export function persistToFile(simulator: Simulator, file: string, delayMs = 50) {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as PersistedState
    if (saved.version !== 1) throw new Error(`${file} was written by another simulator version.`)
    simulator.importState(saved)
  }
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush() {
    clearTimeout(timer)
    timer = undefined
    const temporary = `${file}.tmp`
    writeFileSync(temporary, JSON.stringify(simulator.exportState()))
    renameSync(temporary, file)
  }

  simulator.onChange(() => {
    if (timer === undefined) timer = setTimeout(flush, delayMs)
  })
  flush()
  return { flush }
}
