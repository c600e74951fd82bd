/**
 * The answers given on the command line or in an answers file (YAML keyed by
 * the flags' names), each read by its question's validator and named by where
 * it came from (`--port`, `answers.yaml:4: port`).
 */
import {decodeText, isUnreadable, readFileBounded, type Unreadable} from '../util/bytes.js'
import {loadYaml} from '../util/yaml.js'
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
  // Bounded and type-checked: an answers file is small, and /dev/zero must not fill memory.
  const limit = {bytes: 1024 * 1024, name: 'the most an answers file may hold'}
  let content: string | Unreadable
  try {
    const bytes = readFileBounded(file, limit, 'answers file')
    content = isUnreadable(bytes) ? bytes : decodeText(bytes, limit, 'answers file')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new AnswersError([code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it: ${(error as Error).message}`])
  }

  if (isUnreadable(content)) throw new AnswersError([`${file}: ${content.problem}`])
  return parseAnswersText(content, file)
}

/** At most this many aliases are expanded in one answer: a few are handy, thousands are an alias bomb. */
const MAX_ALIASES = 100

/** Reads the text of an answers file (see readAnswersFile). */
export async function parseAnswersText(content: string, file: string): Promise<RawAnswers> {
  // `yaml` is loaded when an answers file is read: the command's flags need this module, every command list loads them.
  const {LineCounter, parseDocument, isMap, isScalar, visit} = await loadYaml()
  const lines = new LineCounter()
  const document = parseDocument(content, {lineCounter: lines, uniqueKeys: true, prettyErrors: false})
  const broken = (offset: number, message: string): AnswersError => {
    const at = lines.linePos(offset)
    return new AnswersError([`${file}:${at.line}:${at.col}: not valid YAML: ${message}`])
  }

  if (document.errors.length > 0) throw broken(document.errors[0]!.pos[0], document.errors[0]!.message.split('\n')[0]!)
  // The parser accepts an alias with no anchor before it; reading the value would fail without a place.
  visit(document, {
    Alias(_, node) {
      if (node.resolve(document) === undefined) throw broken(node.range?.[0] ?? 0, `the alias *${node.source} has no anchor &${node.source} before it`)
    },
  })
  const out: RawAnswers = new Map()
  if (document.contents === null) return out
  if (!isMap(document.contents)) throw new AnswersError([`${file}: expected a mapping of answers (name: web, port: 80, ...)`])
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

    const node = pair.value as import('yaml').Node | null
    let value: unknown = null
    if (node) {
      try {
        value = node.toJS(document, {maxAliasCount: MAX_ALIASES})
      } catch (error) {
        // yaml counts the nodes aliases expand to and gives up past the limit: an alias bomb.
        if (error instanceof ReferenceError) throw broken(node.range?.[0] ?? 0, `too many aliases in ${key} (more than ${MAX_ALIASES} expanded): refused, as an alias bomb would be`)
        throw error
      }
    }

    out.set(key, {value, source: `${where}: ${key}`})
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
