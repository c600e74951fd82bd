import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-D77ENTWE.js";import"./chunk-4QUG2V4O.js";import"./chunk-TZDXLYCB.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
