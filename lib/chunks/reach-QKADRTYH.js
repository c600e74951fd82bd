import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-2CNOJIAR.js";import"./chunk-XIRORCMB.js";import"./chunk-COAUURAO.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
