import {createRequire as __k8sNetCreateRequire} from 'node:module';
const require = __k8sNetCreateRequire(import.meta.url);
import{InputError}from"./chunk-PA3EHQ6S.js";var ClusterError=class extends InputError{constructor(message){super(message),this.name="ClusterError"}};export{ClusterError};
