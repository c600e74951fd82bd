import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{checkAnswer,completeAnswers,ignoredAnswers,missingAnswers,missingMessage,undecidedQuestions,withDefaults}from"./chunk-6G7CG6WJ.js";import"./chunk-OIOT7WSR.js";import"./chunk-6XH7BQ3T.js";import"./chunk-AIPHVTVN.js";export{checkAnswer,completeAnswers,ignoredAnswers,missingAnswers,missingMessage,undecidedQuestions,withDefaults};
