import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{accessCommand,buildManifests,generate}from"./chunk-23FMTGIO.js";import"./chunk-QI743FCP.js";import"./chunk-P6P4MC7E.js";import"./chunk-CNPN6VZH.js";import"./chunk-AIPHVTVN.js";export{accessCommand,buildManifests,generate};
