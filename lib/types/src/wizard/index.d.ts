/** The wizard as a library: the questions, the recommendation and the manifests. Never prompts, never exits. */
export { type Answers, type AnswerKey, type Route, type Stage, AnswersError, route } from './answers.js';
export { type RawAnswers, parseAnswers, parseAnswersText, readAnswersFile } from './answers-file.js';
export { completeAnswers, ignoredAnswers, missingAnswers, missingMessage } from './complete.js';
export { type Question, QUESTIONS } from './questions.js';
export { type Alternative, type ExposureType, type Quote, type Reason, type Recommendation, explainText, recommend } from './recommend.js';
export { type Manifest, accessCommand, buildManifests, generate } from './generate.js';
