/** The wizard as a library: the questions, the recommendation and the manifests. Never prompts, never exits. */
export { type Answers, type AnswerKey, type Question, type RawAnswers, type Route, type Stage, AnswersError, QUESTIONS, completeAnswers, ignoredAnswers, missingAnswers, missingMessage, parseAnswers, parseAnswersText, readAnswersFile, route, } from './answers.js';
export { type Alternative, type ExposureType, type Reason, type Recommendation, explainText, recommend } from './recommend.js';
export { type Manifest, buildManifests, generate } from './generate.js';
