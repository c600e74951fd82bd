import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{explainText,quoted,recommend}from"./chunk-UO7XLLYQ.js";import"./chunk-OIOT7WSR.js";import"./chunk-6XH7BQ3T.js";import"./chunk-AIPHVTVN.js";export{explainText,quoted,recommend};
