import { type Answers } from './answers.js';
/** One raw answer and where it came from, for messages. */
export interface RawAnswer {
    value: unknown;
    /** `--port`, or `answers.yaml:4: port`. */
    source: string;
}
/** Raw answers by flag name (the answers file's keys). */
export type RawAnswers = Map<string, RawAnswer>;
/**
 * Reads an answers file: a YAML mapping with the flags' names as keys
 * (`target-port: 8080`). Throws AnswersError naming the file, line and key.
 */
export declare function readAnswersFile(file: string): Promise<RawAnswers>;
/** Reads the text of an answers file (see readAnswersFile). */
export declare function parseAnswersText(content: string, file: string): Promise<RawAnswers>;
/** Checks each given answer on its own; throws AnswersError listing every bad one. */
export declare function parseAnswers(raw: RawAnswers): Answers;
