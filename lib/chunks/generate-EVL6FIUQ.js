import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{buildManifests,generate}from"./chunk-LWB742QT.js";import"./chunk-LJ3YCDAI.js";import"./chunk-RQ5CKAPX.js";import"./chunk-AIPHVTVN.js";export{buildManifests,generate};
