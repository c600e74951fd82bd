/** `map --format json`: the report as documented in docs/map-format.md. */
import type {MapReport} from '../report.js'

export function renderJson(report: MapReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
