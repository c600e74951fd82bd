/**
 * Completing the answers: defaults filled in, missing answers named, answers
 * checked against each other. Never prompts, never exits: bad answers throw
 * AnswersError, which the command turns into exit 2.
 */
import { type AnswerKey, type Answers, type Stage } from './answers.js';
import { type Question } from './questions.js';
/** The answers with the defaults of the questions that apply filled in, in question order. */
export declare function withDefaults(a: Answers, stage: Stage): Answers;
/** Questions that apply to these answers, are unanswered and have no default: they must be asked. */
export declare function missingAnswers(a: Answers, stage: Stage): Question[];
/** Questions whose relevance still depends on a missing answer: more may be asked once those are given. */
export declare function undecidedQuestions(a: Answers, stage: Stage): Question[];
/** Checks one answer against the others; an error message or undefined. */
export declare function checkAnswer<K extends AnswerKey>(question: Question<K>, value: NonNullable<Answers[K]>, a: Answers): string | undefined;
/**
 * The answers with defaults filled in and every question that applies
 * answered, checked against each other. Answers that do not apply are dropped
 * (`ignoredAnswers` tells which). Throws AnswersError.
 */
export declare function completeAnswers(a: Answers, stage: Stage): Answers;
/** Answers given that play no part on the path the others lead to, up to a stage. */
export declare function ignoredAnswers(given: Answers, complete: Answers, stage: Stage): Question[];
/** The message for answers that are missing where the wizard cannot ask: one flag per line. */
export declare function missingMessage(missing: readonly Question[], undecided: readonly Question[]): string;
