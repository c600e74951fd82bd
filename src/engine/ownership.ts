/** Which object controls another: the ownerReference marked `controller: true` (a ReplicaSet's Deployment, a Pod's ReplicaSet). */
import {getPath, mappingsOf} from '../util/records.js'
import type {K8sObject} from './types.js'

export interface ControllerReference {
  apiVersion?: string
  kind: string
  name: string
}

/** The object's controller as its metadata names it, or undefined when it has none (or names it unreadably). */
export function controllerOf(object: K8sObject): ControllerReference | undefined {
  for (const [, owner] of mappingsOf(getPath(object, ['metadata', 'ownerReferences']))) {
    if (owner.controller !== true || typeof owner.kind !== 'string' || typeof owner.name !== 'string') continue
    return {kind: owner.kind, name: owner.name, ...(typeof owner.apiVersion === 'string' ? {apiVersion: owner.apiVersion} : {})}
  }

  return undefined
}
