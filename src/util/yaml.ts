/**
 * The YAML writer and full parser (`yaml`), loaded when first needed: linting
 * reads with js-yaml and needs `yaml` only to place a finding the fast
 * locator cannot, to read a config file, or to write a fix.
 */
export type YamlModule = typeof import('yaml')

let loading: Promise<YamlModule> | undefined

/** The `yaml` module, imported once. */
export function loadYaml(): Promise<YamlModule> {
  loading ??= import('yaml')
  return loading
}
