/**
 * `--format json`: a stable, documented shape (docs/json-format.md).
 * `version` changes only when a field changes meaning or goes away; new
 * fields may appear without it.
 */
import {countBySeverity} from '../engine/engine.js'
import type {Formatter} from './types.js'

export const json: Formatter = (result) => {
  const counts = countBySeverity(result.findings)
  const findings = result.findings.map((f) => ({
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    message: f.message,
    object: f.object ?? null,
    file: f.file ?? null,
    start: f.start ?? null,
    end: f.end ?? null,
    path: f.path ?? null,
    related: (f.related ?? []).map((r) => ({message: r.message, object: r.object ?? null, file: r.file ?? null, start: r.start ?? null, end: r.end ?? null})),
    fix: f.fix ?? null,
  }))
  return `${JSON.stringify(
    {
      version: 1,
      findings,
      summary: {errors: counts.error, warnings: counts.warning, infos: counts.info, files: result.files.length, objects: result.objects, suppressed: result.suppressed, skipped: result.skipped},
    },
    null,
    2,
  )}\n`
}
