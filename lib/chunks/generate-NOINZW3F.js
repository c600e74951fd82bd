import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{accessCommand,buildManifests,generate}from"./chunk-SPFEJKQR.js";import"./chunk-DL4RVBCV.js";import"./chunk-UHT44GG2.js";import"./chunk-P6P4MC7E.js";import"./chunk-AIPHVTVN.js";export{accessCommand,buildManifests,generate};
