/**
 * The wizard's questions as data: what each answer means, when it matters,
 * how it is checked, its default, and how it is put to the user. Flags, the
 * answers file and the prompts all go through this one table, so a question
 * has one spelling, one check and one rule for when it is asked.
 */
import { type AnswerKey, type Answers, type Stage } from './answers.js';
import { type Parsed } from './validators.js';
/** One choice of a question that offers a list. */
export interface Choice<V> {
    value: V;
    name: string;
    description?: string;
}
export interface Question<K extends AnswerKey = AnswerKey> {
    key: K;
    /** The command-line flag, and the key in an answers file. */
    flag: string;
    stage: Stage;
    /** What the flag takes, for messages: `http|https|grpc|tcp|udp`. */
    hint: string;
    /** The question as the prompt asks it (may name earlier answers). */
    prompt(a: Answers): string;
    /** The choices a list question offers, in order; the prompt shows their names and descriptions. */
    choices?: ReadonlyArray<Choice<NonNullable<Answers[K]>>>;
    /** Whether the question applies given the answers so far; undefined while that depends on a missing answer. */
    applies(a: Answers): boolean | undefined;
    /** The answer when none is given: undefined while it depends on a missing answer, null where there is none (then, as without a default, it must be answered). */
    default?(a: Answers): Answers[K] | null;
    /** An answer the wizard can do without (it only changes comments or falls back to what every version has). */
    optional?: boolean;
    /** Reads a value from a flag or an answers file. */
    parse(value: unknown): Parsed<NonNullable<Answers[K]>>;
    /** Checks an answer against the others; returns an error message or undefined. */
    check?(value: NonNullable<Answers[K]>, a: Answers): string | undefined;
}
/** The questions, in the order they are asked: each one's `applies` depends only on earlier answers. */
export declare const QUESTIONS: readonly Question[];
export declare const QUESTION: {
    readonly [K in AnswerKey]: Question<K>;
};
/** A question answered yes or no (a flag and its --no- form). */
export declare const isYesNo: (question: Question) => boolean;
/** How to give a question's answer on the command line: `--port PORT`, `--production or --no-production`. */
export declare function flagUsage(question: Question): string;
/** An answer as the flag that gives it: `--exposure internal`, `--no-production`. */
export declare function asFlag(key: AnswerKey, a: Answers): string;
/** An answer as the user gave it at the prompt: the question, then the choice's name (or yes, no, the value). */
export declare function asAnswer(key: AnswerKey, a: Answers): string;
