import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{accessCommand,buildManifests,generate}from"./chunk-L3G5NDBX.js";import"./chunk-GB4GH5RM.js";import"./chunk-OAI64R7Q.js";import"./chunk-3J6A2UVD.js";import"./chunk-AIPHVTVN.js";export{accessCommand,buildManifests,generate};
