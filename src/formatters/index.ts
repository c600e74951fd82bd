import {github} from './github.js'
import {json} from './json.js'
import {junit} from './junit.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'
import type {Formatter} from './types.js'

export type {FormatOptions, Formatter} from './types.js'

/** Every output format by name. */
export const FORMATTERS = {stylish, json, sarif, junit, github} satisfies Record<string, Formatter>

export type FormatName = keyof typeof FORMATTERS
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[]
/** The formats that show a finding's fix: a run with none of them need not write fixes (see LocateOptions). */
export const FORMATS_WITH_FIXES: ReadonlySet<FormatName> = new Set(['json', 'sarif', 'junit'])
