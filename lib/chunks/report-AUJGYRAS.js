import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{MAP_FORMAT_VERSION,VerdictReporter,mapReport,objectReport,pathText,workloadMatches}from"./chunk-XIRORCMB.js";import"./chunk-COAUURAO.js";import"./chunk-RXR24DPB.js";export{MAP_FORMAT_VERSION,VerdictReporter,mapReport,objectReport,pathText,workloadMatches};
