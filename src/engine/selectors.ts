/**
 * Kubernetes label selectors: `matchLabels` and `matchExpressions` with In,
 * NotIn, Exists and DoesNotExist, as the API server evaluates them.
 *
 * An empty selector (`{}`) matches everything; a null or absent selector, in
 * the places where Kubernetes treats it so, matches nothing: callers decide
 * which applies.
 */
import {isRecord} from '../util/records.js'

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'

export interface Requirement {
  key: string
  operator: Operator
  values: readonly string[]
}

/** A parsed selector: every requirement must hold. */
export interface Selector {
  requirements: readonly Requirement[]
}

export type SelectorParse = {ok: true; selector: Selector} | {ok: false; error: string}

const OPERATORS = new Set<string>(['In', 'NotIn', 'Exists', 'DoesNotExist'])

/** Parses a `LabelSelector` (`{matchLabels, matchExpressions}`). */
export function parseLabelSelector(value: unknown): SelectorParse {
  if (value === null || value === undefined) return {ok: true, selector: {requirements: []}}
  if (!isRecord(value)) return {ok: false, error: 'a selector must be a mapping'}
  const requirements: Requirement[] = []
  const {matchLabels, matchExpressions} = value
  if (matchLabels !== undefined && matchLabels !== null) {
    const parsed = parseMatchLabels(matchLabels)
    if (!parsed.ok) return parsed
    // A loop, not push(...): a selector from a file may hold more labels than a call takes arguments.
    for (const requirement of parsed.selector.requirements) requirements.push(requirement)
  }

  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return {ok: false, error: 'matchExpressions must be a list'}
    for (const expression of matchExpressions) {
      if (!isRecord(expression) || typeof expression.key !== 'string') {
        return {ok: false, error: 'each matchExpressions entry needs a key'}
      }

      const operator = expression.operator
      if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
        return {ok: false, error: `unknown selector operator ${JSON.stringify(operator)}`}
      }

      const values = Array.isArray(expression.values) ? expression.values.map(String) : []
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
        return {ok: false, error: `operator ${operator} needs values`}
      }

      requirements.push({key: expression.key, operator: operator as Operator, values})
    }
  }

  return {ok: true, selector: {requirements}}
}

/** Parses a plain `key: value` map selector (a Service's `spec.selector`, `matchLabels`). */
export function parseMatchLabels(value: unknown): SelectorParse {
  if (value === null || value === undefined) return {ok: true, selector: {requirements: []}}
  if (!isRecord(value)) return {ok: false, error: 'a label selector must be a mapping of labels'}
  const requirements: Requirement[] = []
  for (const key in value) {
    const v = value[key]
    if (v !== null && typeof v === 'object') return {ok: false, error: `label ${key} must have a string value`}
    requirements.push({key, operator: 'In', values: [String(v)]})
  }

  return {ok: true, selector: {requirements}}
}


/** Whether the labels satisfy every requirement of the selector. */
export function matches(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  for (const r of selector.requirements) {
    const has = Object.hasOwn(labels, r.key)
    switch (r.operator) {
      case 'In': {
        if (!has || !r.values.includes(labels[r.key]!)) return false
        break
      }

      case 'NotIn': {
        if (has && r.values.includes(labels[r.key]!)) return false
        break
      }

      case 'Exists': {
        if (!has) return false
        break
      }

      case 'DoesNotExist': {
        if (has) return false
        break
      }
    }
  }

  return true
}

/** Renders a selector the way kubectl prints one: `app=web,tier in (a,b),!legacy`. */
export function formatSelector(selector: Selector): string {
  if (selector.requirements.length === 0) return '{} (everything)'
  return selector.requirements
    .map((r) => {
      switch (r.operator) {
        case 'In': {
          return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`
        }

        case 'NotIn': {
          return `${r.key} notin (${r.values.join(',')})`
        }

        case 'Exists': {
          return r.key
        }

        case 'DoesNotExist': {
          return `!${r.key}`
        }
      }

      return r.key
    })
    .join(',')
}
