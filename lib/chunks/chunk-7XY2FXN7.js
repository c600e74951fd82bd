import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{InputError}from"./chunk-M6TNYVCY.js";var ClusterError=class extends InputError{constructor(message){super(message),this.name="ClusterError"}};export{ClusterError};
