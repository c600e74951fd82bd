import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-KTF72AX2.js";import"./chunk-6P5VB67D.js";import"./chunk-QJNHTDZ2.js";import"./chunk-TZDXLYCB.js";import"./chunk-AIPHVTVN.js";export{ReachError,parseSelector,reach};
