/**
 * The answers given on the command line or in an answers file (YAML keyed by
 * the flags' names), each read by its question's validator and named by where
 * it came from (`--port`, `answers.yaml:4: port`).
 */
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {type Answers, AnswersError} from './answers.js'
import {QUESTIONS} from './questions.js'
import {show} from './validators.js'

/** One raw answer and where it came from, for messages. */
export interface RawAnswer {
  value: unknown
  /** `--port`, or `answers.yaml:4: port`. */
  source: string
}

/** Raw answers by flag name (the answers file's keys). */
export type RawAnswers = Map<string, RawAnswer>

const BY_FLAG = new Map(QUESTIONS.map((question) => [question.flag, question]))

/**
 * Reads an answers file: a YAML mapping with the flags' names as keys
 * (`target-port: 8080`). Throws AnswersError naming the file, line and key.
 */
export async function readAnswersFile(file: string): Promise<RawAnswers> {
  let content: string
  try {
    content = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AnswersError([code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it: ${(error as Error).message}`])
  }

  return parseAnswersText(content, file)
}

// `yaml` is loaded when an answers file is read: the command's flags need this module, every command list loads them.
const requireModule = createRequire(import.meta.url)

/** Reads the text of an answers file (see readAnswersFile). */
export function parseAnswersText(content: string, file: string): RawAnswers {
  const {LineCounter, parseDocument, isMap, isScalar} = requireModule('yaml') as typeof import('yaml')
  const lines = new LineCounter()
  const document = parseDocument(content, {lineCounter: lines, uniqueKeys: true, prettyErrors: false})
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    const at = lines.linePos(error.pos[0])
    throw new AnswersError([`${file}:${at.line}:${at.col}: not valid YAML: ${error.message.split('\n')[0]}`])
  }

  const out: RawAnswers = new Map()
  if (document.contents === null) return out
  if (!isMap(document.contents)) throw new AnswersError([`${file}: expected a mapping of answers (name: web, port: 80, ...)`])
  const values = document.toJS({maxAliasCount: 100}) as Record<string, unknown>
  const problems: string[] = []
  for (const pair of document.contents.items) {
    const keyNode = pair.key
    const key = isScalar(keyNode) ? keyNode.value : undefined
    const line = isScalar(keyNode) && keyNode.range ? lines.linePos(keyNode.range[0]).line : undefined
    const where = `${file}${line ? `:${line}` : ''}`
    if (typeof key !== 'string' || !BY_FLAG.has(key)) {
      problems.push(`${where}: unknown key ${show(key ?? String(keyNode))}; the keys are the flags' names: ${[...BY_FLAG.keys()].join(', ')}`)
      continue
    }

    out.set(key, {value: values[key], source: `${where}: ${key}`})
  }

  if (problems.length > 0) throw new AnswersError(problems)
  return out
}

/** Checks each given answer on its own; throws AnswersError listing every bad one. */
export function parseAnswers(raw: RawAnswers): Answers {
  const answers: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [flag, {value, source}] of raw) {
    const question = BY_FLAG.get(flag)
    if (!question) {
      problems.push(`${source}: not a question of the wizard`)
      continue
    }

    const parsed = question.parse(value)
    if (parsed.ok) answers[question.key] = parsed.value
    else problems.push(`${source}: ${parsed.error}`)
  }

  if (problems.length > 0) throw new AnswersError(problems)
  return answers as Answers
}
