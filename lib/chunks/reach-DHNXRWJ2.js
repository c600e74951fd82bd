import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-GM24JQSM.js";import"./chunk-P5SXDPX2.js";import"./chunk-COAUURAO.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
