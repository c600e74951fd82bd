import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-RB4B4D42.js";import"./chunk-BPEH7VWX.js";import"./chunk-COAUURAO.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
