/**
 * The interactive side of the wizard: asks, with @inquirer/prompts, the
 * questions that apply and are not answered yet (by flags or an answers
 * file), in the order of the question table, so that a question whose answer
 * no longer matters is never asked. Each question is put as the table says
 * (its prompt, its choices); kept apart from the pure recommend() and
 * generate().
 */
import {confirm, input, select, Separator} from '@inquirer/prompts'
import type {AnswerKey, Answers, Environment, LocalCluster, Provider, Stage} from './answers.js'
import {checkAnswer} from './complete.js'
import {isYesNo, QUESTION, QUESTIONS, type Question} from './questions.js'

/** Where the prompts read and write (a terminal; the tests' virtual screen). */
export interface PromptContext {
  input?: NodeJS.ReadableStream
  output?: NodeJS.WritableStream
}

type Ask = (a: Answers, context: PromptContext) => Promise<void>

/** A typed answer, read as its flag would be; numbers are typed as digits. */
function read<K extends AnswerKey>(question: Question<K>, value: string): ReturnType<Question<K>['parse']> {
  return question.parse(/^\s*\d+\s*$/.test(value) ? Number(value) : value)
}

/** A text question, checked as its flag would be; an optional one may be left empty. */
function typed<K extends AnswerKey>(question: Question<K>): Ask {
  return async (a, context) => {
    const fallback = question.default?.(a)
    const answer = await input(
      {
        message: question.prompt(a),
        default: fallback === undefined || fallback === null ? undefined : Array.isArray(fallback) ? fallback.join(',') : String(fallback),
        validate(value) {
          if (question.optional && value.trim() === '') return true
          const parsed = read(question, value)
          if (!parsed.ok) return parsed.error
          return checkAnswer(question, parsed.value, a) ?? true
        },
      },
      context,
    )
    const parsed = read(question, answer)
    if (parsed.ok) a[question.key] = parsed.value as Answers[K]
  }
}

function yesNo<K extends AnswerKey>(question: Question<K>): Ask {
  return async (a, context) => {
    const fallback = question.default?.(a)
    ;(a as Record<string, unknown>)[question.key] = await confirm({message: question.prompt(a), default: typeof fallback === 'boolean' ? fallback : false}, context)
  }
}

function choose<K extends AnswerKey>(question: Question<K>): Ask {
  return async (a, context) => {
    const fallback = question.default?.(a)
    a[question.key] = (await select({message: question.prompt(a), choices: [...question.choices!], default: (fallback ?? undefined) as NonNullable<Answers[K]> | undefined}, context)) as Answers[K]
  }
}

/** Where the cluster runs: one list with the provider or the local cluster in it. */
const askWhere: Ask = async (a, context) => {
  if (a.provider !== undefined || a.localCluster !== undefined) {
    await choose(QUESTION.environment)(a, context)
    return
  }

  type Where = {environment: Environment; provider?: Provider; localCluster?: LocalCluster}
  const where = await select<Where>(
    {
      message: QUESTION.environment.prompt(a),
      choices: [
        new Separator('A cloud provider'),
        ...QUESTION.provider.choices!.map((p) => ({value: {environment: 'cloud', provider: p.value} as Where, name: p.name})),
        new Separator('Your own machines'),
        {value: {environment: 'bare-metal'}, name: 'Bare metal or on-premises', description: 'LoadBalancer addresses come from MetalLB'},
        new Separator('A local development cluster'),
        ...QUESTION.localCluster.choices!.map((l) => ({value: {environment: 'local', localCluster: l.value} as Where, name: l.name})),
      ],
      pageSize: 12,
    },
    context,
  )
  Object.assign(a, where)
}

function askerOf(question: Question): Ask {
  if (question.key === 'environment') return askWhere
  if (question.choices) return choose(question)
  if (isYesNo(question)) return yesNo(question)
  return typed(question)
}

/**
 * Asks every question that applies and is unanswered, up to a stage, and
 * returns the answers given plus those. Questions with a default are asked
 * too, with the default ready to accept.
 */
export async function askAnswers(given: Answers, stage: Stage, context: PromptContext = {}): Promise<Answers> {
  const a: Answers = {...given}
  for (const question of QUESTIONS) {
    if (stage === 'decision' && question.stage !== 'decision') continue
    if (a[question.key] !== undefined || question.applies(a) !== true) continue
    await askerOf(question)(a, context)
  }

  return a
}
