import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{parseAnswers,parseAnswersText,readAnswersFile}from"./chunk-Z5UKLWNB.js";import"./chunk-OIOT7WSR.js";import"./chunk-6XH7BQ3T.js";import"./chunk-YFP22D53.js";import"./chunk-AIPHVTVN.js";export{parseAnswers,parseAnswersText,readAnswersFile};
