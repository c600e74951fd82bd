import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{QUESTION,QUESTIONS,asAnswer,asFlag,flagUsage,isYesNo}from"./chunk-OIOT7WSR.js";import"./chunk-6XH7BQ3T.js";import"./chunk-AIPHVTVN.js";export{QUESTION,QUESTIONS,asAnswer,asFlag,flagUsage,isYesNo};
