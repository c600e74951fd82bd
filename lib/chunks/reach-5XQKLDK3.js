import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-WMSBMPOM.js";import"./chunk-GS2BGSCL.js";import"./chunk-TZDXLYCB.js";import"./chunk-AIPHVTVN.js";export{ReachError,parseSelector,reach};
