import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{accessCommand,buildManifests,generate}from"./chunk-BELTJ57X.js";import"./chunk-UO7XLLYQ.js";import"./chunk-OIOT7WSR.js";import"./chunk-6XH7BQ3T.js";import"./chunk-OAI64R7Q.js";import"./chunk-AIPHVTVN.js";export{accessCommand,buildManifests,generate};
