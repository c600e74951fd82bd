import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{ReachError,parseSelector,reach}from"./chunk-PUJVKA3D.js";import"./chunk-3CTNLHZJ.js";import"./chunk-TZDXLYCB.js";import"./chunk-RXR24DPB.js";export{ReachError,parseSelector,reach};
