/**
 * Kubernetes versions as k8s-net compares them: minor versions (`1.33`), read
 * from `--kube-version`, `kubeVersion:` in config, or an API server's /version.
 */
import {isRecord} from '../util/records.js'

/** A Kubernetes minor version: `1.33` is {major: 1, minor: 33}. */
export interface KubeVersion {
  major: number
  minor: number
}

const VERSION = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d{1,5})?(?:[-+][0-9A-Za-z.+-]{0,100})?$/

/**
 * Reads `1.33`, `v1.33`, `1.33.2`, or what an API server's /version says
 * (`v1.33.1-gke.100`); undefined when it is none of these.
 */
export function parseKubeVersion(text: unknown): KubeVersion | undefined {
  if (typeof text !== 'string') return undefined
  const m = VERSION.exec(text.trim())
  return m ? {major: Number(m[1]), minor: Number(m[2])} : undefined
}

/**
 * The minor version from a /version response's `major` and `minor` fields
 * (`"1"` and `"33+"` on some providers), or from its gitVersion.
 */
export function versionFromServer(info: unknown): KubeVersion | undefined {
  if (!isRecord(info)) return undefined
  const major = typeof info.major === 'string' ? /^(\d{1,3})$/.exec(info.major) : null
  const minor = typeof info.minor === 'string' ? /^(\d{1,3})\+?$/.exec(info.minor) : null
  if (major && minor) return {major: Number(major[1]), minor: Number(minor[1])}
  return parseKubeVersion(info.gitVersion)
}

export const formatVersion = (v: KubeVersion): string => `${v.major}.${v.minor}`

export function compareVersions(a: KubeVersion, b: KubeVersion): number {
  return a.major - b.major || a.minor - b.minor
}

