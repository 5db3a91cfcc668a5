/**
 * The one argument parser of every command (scripts/, bench/): node:util parseArgs, strict. An unknown
 * flag, a missing or extra argument, or a bad value is a clear error with the usage and exit code
 * 2 (so `--only sqlit` no longer runs everything); --help prints the usage.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'

export interface Command<O extends ParseArgsOptionsConfig> {
  /** `npm run x -- <file> [--flag <value>]`, with a line per option if it helps. */
  usage: string
  options?: O
  /** How many positional arguments the command takes (none unless said). */
  positionals?: { min?: number; max?: number }
}

/** The parsed values, typed from the option descriptions (a default makes a value always present). */
type Values<O extends ParseArgsOptionsConfig> = {
  [K in keyof O]: O[K] extends { multiple: true }
    ? O[K] extends { default: string[] }
      ? string[]
      : string[] | undefined
    : O[K] extends { type: 'boolean' }
      ? O[K] extends { default: boolean }
        ? boolean
        : boolean | undefined
      : O[K] extends { default: string }
        ? string
        : string | undefined
}

export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(2)
}

export function parseCommand<O extends ParseArgsOptionsConfig>(command: Command<O>, args = process.argv.slice(2)) {
  const { min = 0, max = 0 } = command.positionals ?? {}
  let parsed: { values: Values<O> & { help?: boolean }; positionals: string[] }
  try {
    parsed = parseArgs({ args, options: { ...(command.options ?? {}), help: { type: 'boolean', short: 'h' } }, allowPositionals: max > 0, strict: true }) as unknown as typeof parsed
  } catch (e) {
    usageError(command.usage, (e as Error).message)
  }
  if (parsed.values.help) {
    console.log(command.usage)
    process.exit(0)
  }
  const n = parsed.positionals.length
  if (n < min) usageError(command.usage, `Missing argument${min - n > 1 ? 's' : ''}.`)
  if (n > max) usageError(command.usage, `Unexpected argument: ${parsed.positionals[max]}`)
  return { values: parsed.values as Values<O>, positionals: parsed.positionals, fail: (message: string): never => usageError(command.usage, message) }
}

/** A whole number within bounds, or the usage error naming the flag. */
export function integer(fail: (m: string) => never, flag: string, value: string, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) fail(`--${flag} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, not "${value}".`)
  return n
}

/** One of the allowed values, or the usage error listing them. */
export function oneOf<T extends string>(fail: (m: string) => never, flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) fail(`--${flag} must be one of ${allowed.join(', ')}, not "${value}".`)
  return value as T
}
