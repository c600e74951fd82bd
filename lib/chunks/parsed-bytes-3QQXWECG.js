import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{decodeParsed,encodeParsed,isCount,isPlainValue,isPosition,isRange,isRecord}from"./chunk-V7VXTRE7.js";import"./chunk-RXR24DPB.js";export{decodeParsed,encodeParsed,isCount,isPlainValue,isPosition,isRange,isRecord};
