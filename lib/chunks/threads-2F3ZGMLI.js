import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{__commonJS,__require}from"./chunk-RXR24DPB.js";var require_threads=__commonJS({"k8s-net-builtin:src/loaders/threads.ts: node:worker_threads"(exports,module){module.exports=__require("node:worker_threads")}});export default require_threads();
