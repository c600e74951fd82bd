import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-TFQGGRZQ.js";import"./chunk-T7FJDP2M.js";import"./chunk-COAUURAO.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
