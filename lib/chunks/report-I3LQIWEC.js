import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{MAP_FORMAT_VERSION,VerdictReporter,mapReport,objectReport,pathText,workloadMatches}from"./chunk-GS2BGSCL.js";import"./chunk-TZDXLYCB.js";import"./chunk-AIPHVTVN.js";export{MAP_FORMAT_VERSION,VerdictReporter,mapReport,objectReport,pathText,workloadMatches};
