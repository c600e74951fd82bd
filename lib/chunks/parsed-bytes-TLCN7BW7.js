import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{decodeParsed,encodeParsed,isCount,isPlainRecord,isPlainValue,isPosition,isRange}from"./chunk-QBRDIPHS.js";import"./chunk-RXR24DPB.js";export{decodeParsed,encodeParsed,isCount,isPlainRecord,isPlainValue,isPosition,isRange};
