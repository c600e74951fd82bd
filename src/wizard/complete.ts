/**
 * Completing the answers: defaults filled in, missing answers named, answers
 * checked against each other. Never prompts, never exits: bad answers throw
 * AnswersError, which the command turns into exit 2.
 */
import {type AnswerKey, type Answers, AnswersError, type Stage} from './answers.js'
import {flagUsage, QUESTIONS, type Question} from './questions.js'

const questionsFor = (stage: Stage): Question[] => QUESTIONS.filter((question) => stage === 'manifest' || question.stage === 'decision')

/** The answers with the defaults of the questions that apply filled in, in question order. */
export function withDefaults(a: Answers, stage: Stage): Answers {
  const out: Record<string, unknown> = {...a}
  for (const question of questionsFor(stage)) {
    if (out[question.key] === undefined && question.default && question.applies(out as Answers) === true) {
      const value = question.default(out as Answers)
      if (value !== undefined && value !== null) out[question.key] = value
    }
  }

  return out as Answers
}

/** Whether a question has no default for these answers (none at all, or none here: null), rather than one still waiting for another answer. */
const noDefault = (question: Question, a: Answers): boolean => !question.default || question.default(a) === null

/** Questions that apply to these answers, are unanswered and have no default: they must be asked. */
export function missingAnswers(a: Answers, stage: Stage): Question[] {
  const full = withDefaults(a, stage)
  return questionsFor(stage).filter(
    (question) => question.applies(full) === true && full[question.key] === undefined && noDefault(question, full) && !question.optional,
  )
}

/** Questions whose relevance still depends on a missing answer: more may be asked once those are given. */
export function undecidedQuestions(a: Answers, stage: Stage): Question[] {
  const full = withDefaults(a, stage)
  return questionsFor(stage).filter(
    (question) => question.applies(full) === undefined && full[question.key] === undefined && !question.default && !question.optional,
  )
}

/** Checks one answer against the others; an error message or undefined. */
export function checkAnswer<K extends AnswerKey>(question: Question<K>, value: NonNullable<Answers[K]>, a: Answers): string | undefined {
  return question.check?.(value, a)
}

/**
 * The answers with defaults filled in and every question that applies
 * answered, checked against each other. Answers that do not apply are dropped
 * (`ignoredAnswers` tells which). Throws AnswersError.
 */
export function completeAnswers(a: Answers, stage: Stage): Answers {
  const missing = missingAnswers(a, stage)
  if (missing.length > 0) throw new AnswersError([missingMessage(missing, [])])
  const full = withDefaults(a, stage)
  const out: Record<string, unknown> = {}
  const problems: string[] = []
  for (const question of questionsFor(stage)) {
    const value = full[question.key]
    if (value === undefined || question.applies(full) !== true) continue
    out[question.key] = value
    const error = checkAnswer(question as Question<AnswerKey>, value as never, full)
    if (error) problems.push(`--${question.flag}: ${error}`)
  }

  if (problems.length > 0) throw new AnswersError(problems)
  return out as Answers
}

/** Answers given that play no part on the path the others lead to, up to a stage. */
export function ignoredAnswers(given: Answers, complete: Answers, stage: Stage): Question[] {
  return questionsFor(stage).filter((question) => given[question.key] !== undefined && complete[question.key] === undefined)
}

/** The message for answers that are missing where the wizard cannot ask: one flag per line. */
export function missingMessage(missing: readonly Question[], undecided: readonly Question[]): string {
  const lines = ['missing answers:', ...missing.map((question) => `  ${flagUsage(question)}`)]
  if (undecided.length > 0) lines.push(`Depending on those, the wizard may also need: ${undecided.map((question) => `--${question.flag}`).join(', ')}`)
  return lines.join('\n')
}
