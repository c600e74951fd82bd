import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{decodeParsed,encodeParsed,isCount,isPlainValue,isRange,isRecord}from"./chunk-QLEYZMBN.js";import"./chunk-RXR24DPB.js";export{decodeParsed,encodeParsed,isCount,isPlainValue,isRange,isRecord};
