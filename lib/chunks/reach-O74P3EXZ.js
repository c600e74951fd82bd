import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-IJ7X7UF7.js";import"./chunk-U4QJKP3T.js";import"./chunk-COAUURAO.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
